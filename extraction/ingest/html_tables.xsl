<?xml version="1.0" encoding="UTF-8"?>
<!-- Every <table> of a parsed HTML page flattened in one pass of libxslt instead of a Python walk over its cells:
       <tables>  <table> <tr> <td rowspan="…" colspan="…">text<s/>text</td> … </tr> … </table> …  </tables>
     One <table> per source table, in document order (nested ones too); its own rows (tr children of the table or of
     its thead/tbody/tfoot), a row's td/th children as copies (xsl:copy keeps the tag and the source line) with only
     rowspan and colspan. A cell holds its text nodes in order; <s/> marks a line edge: each side of a <br> or a block
     element. Text inside script, style and the other skipped elements is left out, comments' and processing
     instructions' content too. The element sets are html.py's SKIPPED and BLOCKS. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" encoding="UTF-8"/>

  <xsl:template match="/">
    <tables><xsl:apply-templates select="//table" mode="table"/></tables>
  </xsl:template>

  <xsl:template match="table" mode="table">
    <table><xsl:apply-templates select="tr|thead/tr|tbody/tr|tfoot/tr" mode="row"/></table>
  </xsl:template>

  <xsl:template match="tr" mode="row">
    <tr><xsl:apply-templates select="td|th" mode="cell"/></tr>
  </xsl:template>

  <xsl:template match="td|th" mode="cell">
    <xsl:copy><xsl:copy-of select="@rowspan|@colspan"/><xsl:apply-templates select="node()" mode="text"/></xsl:copy>
  </xsl:template>

  <!-- a cell's content: text, with line edges around <br> and blocks -->
  <xsl:template match="text()" mode="text"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="script|style|noscript|template|head|select|textarea" mode="text"/>
  <xsl:template match="br|p|div|section|article|header|footer|main|aside|nav|ul|ol|li|dl|dt|dd|h1|h2|h3|h4|h5|h6
                       |blockquote|pre|hr|center|form|fieldset|address|figure|figcaption|caption|tr|td|th|thead|tbody
                       |tfoot|body|html" mode="text">
    <s/><xsl:apply-templates select="node()" mode="text"/><s/>
  </xsl:template>
  <xsl:template match="*" mode="text"><xsl:apply-templates select="node()" mode="text"/></xsl:template>
  <xsl:template match="comment()|processing-instruction()" mode="text"/>
</xsl:stylesheet>
