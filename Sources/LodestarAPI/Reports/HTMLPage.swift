/// A self-contained HTML page: inline CSS, inline SVG, no script and no reference to
/// anything outside it, readable on screen and printed on A4.
///
/// The Content-Security-Policy in the head forbids every fetch, so a page saved and opened
/// elsewhere stays self-contained even if a future change slipped a reference in.
enum HTMLPage {
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <title>\(HTMLText.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Okabe–Ito colours (distinct for colour-blind readers) for lines `s0`…`s7`.
    private static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#999999"]

    static let style: String = {
        var css = """
        *{box-sizing:border-box}
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1a1a1a;margin:24px auto;max-width:1200px;padding:0 16px}
        h1{font-size:20px;margin:0 0 4px}
        h2{font-size:16px;margin:28px 0 8px;padding-bottom:2px;border-bottom:1px solid #ccc}
        h3{font-size:14px;margin:16px 0 6px}
        p.meta{color:#444;margin:0 0 6px}
        p.note{color:#555;font-size:12px}
        .scroll{overflow-x:auto}
        table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:12.5px;margin:4px 0 8px}
        th,td{border:1px solid #d4d4d4;padding:3px 6px}
        th{background:#f1f1f1;font-weight:600;text-align:center;vertical-align:bottom}
        td{text-align:right;white-space:nowrap}
        td.dim{text-align:left;white-space:normal}
        td.null{color:#888;text-align:center}
        td.suppressed{color:#8a4b00;text-align:center}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));gap:14px}
        figure{margin:0;border:1px solid #e2e2e2;border-radius:4px;padding:8px 10px}
        figcaption{font-weight:600;margin-bottom:4px}
        svg{display:block;width:100%;height:auto}
        svg text{font-size:11px;fill:#333;font-family:system-ui,sans-serif}
        svg text.note{fill:#8a4b00;font-style:italic}
        .axis{stroke:#888;stroke-width:1}
        .grid{stroke:#ececec;stroke-width:1}
        .bar{fill:#4f7fb8}
        .line{fill:none;stroke-width:2}
        .centre{stroke:#333;stroke-width:1.5}
        .limit{fill:none;stroke:#666;stroke-width:1.2;stroke-dasharray:5 3}
        .data{fill:none;stroke:#9a9a9a;stroke-width:1.5}
        .pt{fill:#7f7f7f}
        .pt.improvement{fill:#1f63b4}
        .pt.concern{fill:#e07000}
        ul.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:12px}
        .swatch{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:middle;border-radius:2px}
        .key{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:middle}
        .key.common{background:#7f7f7f;border-radius:50%}
        .key.improvement{background:#1f63b4}
        .key.concern{background:#e07000;transform:rotate(45deg) scale(.8)}
        .key.centre{height:2px;background:#333}
        .key.limit{height:0;border-top:2px dashed #666}
        dl.rules{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:12px;margin:6px 0}
        dl.rules dt{font-weight:600}
        dl.rules dd{margin:0}
        @page{size:A4 landscape;margin:12mm}
        @media print{
        body{margin:0;max-width:none;padding:0;font-size:9pt}
        table{font-size:8pt}
        .scroll{overflow:visible}
        thead{display:table-header-group}
        tr,figure,.series{break-inside:avoid}
        h2,h3{break-after:avoid}
        .charts{grid-template-columns:1fr 1fr}
        section.charts-section{break-before:page}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }

        """
        for (index, colour) in palette.enumerated() {
            css += ".s\(index).line{stroke:\(colour)}.s\(index).dot{fill:\(colour)}.s\(index).swatch{background:\(colour)}\n"
        }
        return css
    }()
}
