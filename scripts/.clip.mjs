import { chromium } from "playwright-core";
const [, , url, out, y, h] = process.argv;
const b = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
await p.goto(url, { waitUntil: "networkidle" });
await p.screenshot({ path: out, fullPage: true, clip: { x: 0, y: Number(y), width: 1280, height: Number(h) } });
await b.close();
