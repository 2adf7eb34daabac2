"""The review pages in a real headless Chromium against a live uvicorn server: upload, see findings, dismiss, reload."""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
    pytest.skip("needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): "
                "apt-get install -y chromium chromium-driver", allow_module_level=True)
pytest.importorskip("selenium", reason="needs the selenium package (pip install selenium)")
pytest.importorskip("uvicorn", reason="needs uvicorn")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from test_service_support import live_server, seed_path  # noqa: E402

CHROME_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--window-size=1400,1000")


@pytest.fixture
def browser() -> Iterator[webdriver.Chrome]:
    profile = tempfile.mkdtemp(prefix="zfxxgk-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (*CHROME_ARGS, f"--user-data-dir={profile}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def statuses(driver: webdriver.Chrome) -> list[str]:
    return [el.get_attribute("data-status") for el in driver.find_elements(By.CSS_SELECTOR, ".finding .status")]


def test_upload_review_and_reload(browser: webdriver.Chrome, tmp_path: Path) -> None:
    seed = seed_path()
    with live_server(tmp_path / "audit.sqlite", "--workers", "1") as base:
        browser.get(f"{base}/upload")
        browser.find_element(By.ID, "file").send_keys(str(seed))
        browser.find_element(By.ID, "upload-submit").click()
        WebDriverWait(browser, 120).until(EC.presence_of_element_located((By.ID, "findings")))
        assert "/reports/" in browser.current_url
        findings = browser.find_elements(By.CSS_SELECTOR, ".finding")
        assert len(findings) == 3
        assert statuses(browser) == ["open", "open", "open"]
        # every figure of the narrative is marked; the mismatched ones and the suspect cells are marked too
        assert browser.find_elements(By.CSS_SELECTOR, ".narrative mark.mismatch")
        assert browser.find_elements(By.CSS_SELECTOR, "table.grid td.mismatch")
        # the finding's evidence links lead to the sentence and to the cell
        hrefs = [a.get_attribute("href") for a in findings[1].find_elements(By.CSS_SELECTOR, "li a")]
        assert any("#m-" in h for h in hrefs) and any("#c-litigation" in h for h in hrefs)
        target = findings[0].get_attribute("id")
        findings[0].find_element(By.CSS_SELECTOR, "input[name=comment]").send_keys("口径不同")
        findings[0].find_element(By.CSS_SELECTOR, "button.dismiss").click()
        # the click reloads the page: elements read while it is replaced go stale, so the wait reads them again
        WebDriverWait(browser, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: statuses(d)[:1] == ["dismissed"])
        browser.refresh()
        WebDriverWait(browser, 30).until(EC.presence_of_element_located((By.ID, "findings")))
        assert statuses(browser) == ["dismissed", "open", "open"]
        assert "口径不同" in browser.find_element(By.ID, target).text
        # the list page finds it by review status
        browser.get(f"{base}/?review_status=dismissed")
        assert "北京市密云区人民政府" in browser.find_element(By.CSS_SELECTOR, "table.list").text
