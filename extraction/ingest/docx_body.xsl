<?xml version="1.0" encoding="UTF-8"?>
<!-- A Word body as the reader needs it, in one pass of libxslt instead of thousands of Python element objects:
       <body>  <p>the paragraph's text</p>  <table cols="N"> <row before="…"> <cell span="…" merge="…"> <p/> <table/>
     Paragraphs and tables in order; a table's rows, a row's cells, a cell's paragraphs and nested tables. Content
     controls and tracked insertions (sdt, ins, …) are looked through; whatever else stands between them is left out.
     A paragraph's text is its runs' w:t text, w:tab as a space, w:br and w:cr as a newline, text boxes included;
     deleted and moved-away text, field codes and properties are left out. span, before: the w:val of the first
     w:gridSpan, w:gridBefore, as written (empty when absent); merge: the first w:vMerge's w:val, an attribute only
     when the w:vMerge is there. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" exclude-result-prefixes="w">
  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template match="/">
    <body><xsl:apply-templates select="w:document/w:body[1]/*" mode="content"/></body>
  </xsl:template>

  <!-- the body, a content control or a cell: paragraphs and tables -->
  <xsl:template match="w:p" mode="content">
    <p><xsl:apply-templates select="*" mode="text"/></p>
  </xsl:template>
  <xsl:template match="w:tbl" mode="content">
    <table cols="{count(w:tblGrid/w:gridCol)}"><xsl:apply-templates select="*" mode="rows"/></table>
  </xsl:template>
  <xsl:template match="w:sdt|w:sdtContent|w:ins|w:smartTag|w:customXml|w:hyperlink" mode="content">
    <xsl:apply-templates select="*" mode="content"/>
  </xsl:template>
  <xsl:template match="*" mode="content"/>

  <!-- a table: rows -->
  <xsl:template match="w:tr" mode="rows">
    <row before="{(w:trPr/w:gridBefore)[1]/@w:val}"><xsl:apply-templates select="*" mode="cells"/></row>
  </xsl:template>
  <xsl:template match="w:sdt|w:sdtContent|w:ins|w:smartTag|w:customXml|w:hyperlink" mode="rows">
    <xsl:apply-templates select="*" mode="rows"/>
  </xsl:template>
  <xsl:template match="*" mode="rows"/>

  <!-- a row: cells -->
  <xsl:template match="w:tc" mode="cells">
    <cell span="{(w:tcPr/w:gridSpan)[1]/@w:val}">
      <xsl:if test="w:tcPr/w:vMerge">
        <xsl:attribute name="merge"><xsl:value-of select="(w:tcPr/w:vMerge)[1]/@w:val"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="*" mode="content"/>
    </cell>
  </xsl:template>
  <xsl:template match="w:sdt|w:sdtContent|w:ins|w:smartTag|w:customXml|w:hyperlink" mode="cells">
    <xsl:apply-templates select="*" mode="cells"/>
  </xsl:template>
  <xsl:template match="*" mode="cells"/>

  <!-- a paragraph: its text; a w:t's own text is its text before any child element, as lxml's .text -->
  <xsl:template match="w:t" mode="text">
    <xsl:value-of select="node()[1][self::text()]"/><xsl:apply-templates select="*" mode="text"/>
  </xsl:template>
  <xsl:template match="w:tab" mode="text">
    <xsl:text> </xsl:text><xsl:apply-templates select="*" mode="text"/>
  </xsl:template>
  <xsl:template match="w:br|w:cr" mode="text">
    <xsl:text>&#10;</xsl:text><xsl:apply-templates select="*" mode="text"/>
  </xsl:template>
  <xsl:template match="w:del|w:moveFrom|w:sdtPr|w:rPr|w:pPr|w:instrText" mode="text"/>
  <xsl:template match="*" mode="text">
    <xsl:apply-templates select="*" mode="text"/>
  </xsl:template>
</xsl:stylesheet>
