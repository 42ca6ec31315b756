using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using RiskGraph.Api.Contracts;

namespace RiskGraph.Api.Reports;

/// <summary>Renders a <see cref="CreditReportResponse"/> as an A4 PDF with the CJK font embedded.</summary>
internal static class CreditReportPdf
{
    private static readonly object FontLock = new();

    /// <summary>PDFsharp's font resolver is process-wide and may be set only once, before the first font is made.</summary>
    public static void UseFont(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException("The CJK font for PDF reports is missing: install Debian's fonts-noto-cjk or set RiskGraph:ReportFont.", path);
        lock (FontLock)
        {
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new CjkFontResolver(path);
        }
    }

    public static byte[] Render(CreditReportResponse r)
    {
        var document = new PdfDocument();
        document.Info.Title = $"{r.Title} {r.Identity.Name}";
        document.Info.Subject = r.Identity.Uscc;
        using (var page = new PageWriter(document))
        {
            page.Title(r.Title);
            page.Text($"报告日期 As of {r.AsOf:yyyy-MM-dd} · 生成 Generated {r.GeneratedAt:yyyy-MM-dd HH:mm} UTC · 视图 View {r.View}", small: true);
            page.Heading("主体信息 Identity");
            page.Text($"名称 Name: {r.Identity.Name}");
            page.Text($"统一社会信用代码 USCC: {r.Identity.Uscc}" + (r.Identity.RegistrationNo is { } no ? $" · 注册号 {no}" : ""));
            page.Text($"行业 Industry {r.Identity.Industry} · 行政区划 Region {r.Identity.Region} · 状态 Status {r.Identity.Status}"
                + (r.Identity.Founded is { } f ? $" · 成立 Founded {f:yyyy-MM-dd}" : ""));
            page.Heading("信用风险分类 Credit class");
            page.Text($"{r.CreditClass.ChineseName} {r.CreditClass.Class} ({r.CreditClass.Colour})");
            foreach (var rule in r.CreditClass.MatchedRules)
                page.Text($"· {rule.Description} [{rule.Id}] {string.Join(", ", rule.RecordIds)}");
            page.Heading("结论 Statement");
            page.Text(r.Statement);
            page.Heading($"行政处罚 Penalties in force ({r.Penalties.Count})");
            foreach (var p in r.Penalties)
                page.Text($"· {p.RecordId} {p.Kind} CNY {p.Amount.ToString("N2", CultureInfo.InvariantCulture)} 决定 {p.DecisionDate:yyyy-MM-dd} {p.Department} [{p.Status}]");
            page.Heading($"名单 List entries in force ({r.ListEntries.Count})");
            foreach (var l in r.ListEntries)
                page.Text($"· {l.RecordId} {l.ListType} {l.ValidFrom:yyyy-MM-dd}–{(l.ValidTo is { } to ? to.ToString("yyyy-MM-dd") : "")} {l.Department} {l.LegalBasis} [{l.Status}]");
            page.Heading($"信用修复 Repairs ({r.Repairs.Count})");
            foreach (var repair in r.Repairs)
                page.Text(repair.RecordId is null ? $"· 一条记录已修复 A record was repaired on {repair.DecidedAt:yyyy-MM-dd}"
                    : $"· {repair.RecordId} {repair.Method} {repair.DecidedBy} {repair.Reason} {repair.DecidedAt:yyyy-MM-dd}");
            page.Heading($"信用承诺 Commitments ({r.Commitments.Count})");
            foreach (var c in r.Commitments) page.Text($"· {c.Type} {c.Matter} {c.MadeOn:yyyy-MM-dd} {c.Fulfilment}");
            page.Heading("核查 Checks by purpose");
            foreach (var check in r.Checks)
                page.Text($"· {check.Purpose}: " + (check.Restrictions.Count == 0 ? "无限制 no restriction" : string.Join("; ", check.Restrictions.Select(m => m.Description)))
                    + (check.Incentives.Count > 0 ? " · 激励 " + string.Join("; ", check.Incentives.Select(m => m.Description)) : ""));
            page.Heading("风险预警 Warning");
            if (r.Warning is { } w)
            {
                page.Text($"{w.Level} · score {w.Score.ToString("0.000", CultureInfo.InvariantCulture)} · model {w.ModelVersion} (线索,非认定 a clue, not a determination)");
                foreach (var reason in w.Reasons) page.Text($"· {reason.Description} ({reason.Direction})");
            }
            else page.Text("无可用模型 No warning model is loaded.");
            page.Heading($"实际控制人 Controllers ({r.Controllers.Count})");
            foreach (var c in r.Controllers) page.Text($"· {c.Label} ({c.Kind}, {c.Role}) {c.Share.ToString("P1", CultureInfo.InvariantCulture)}");
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Top-to-bottom text with wrapping and page breaks.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private const double Margin = 48;
        private readonly XFont _title = new(CjkFontResolver.Family, 16);
        private readonly XFont _heading = new(CjkFontResolver.Family, 12);
        private readonly XFont _body = new(CjkFontResolver.Family, 9.5);
        private readonly XFont _small = new(CjkFontResolver.Family, 8);
        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public void Title(string text) => Write(text, _title, 8);

        public void Heading(string text) => Write(text, _heading, 4, before: 8);

        public void Text(string text, bool small = false) => Write(text, small ? _small : _body, 2);

        public void Dispose() => _graphics?.Dispose();

        private void Write(string text, XFont font, double after, double before = 0)
        {
            Ensure(font.Height + before);
            _y += before;
            foreach (string line in Wrap(text, font))
            {
                Ensure(font.Height);
                _graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, font.Height), XStringFormats.TopLeft);
                _y += font.Height;
            }
            _y += after;
        }

        private double Width => (_page?.Width.Point ?? 595) - 2 * Margin;

        private void Ensure(double height)
        {
            if (_page is not null && _y + height <= _page.Height.Point - Margin) return;
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        // Chinese has no spaces to break at, so lines break between any two characters once the width is reached.
        private IEnumerable<string> Wrap(string text, XFont font)
        {
            Ensure(0);
            int start = 0;
            while (start < text.Length)
            {
                int end = start + 1;
                while (end < text.Length && _graphics!.MeasureString(text[start..(end + 1)], font).Width <= Width) end++;
                yield return text[start..end];
                start = end;
            }
        }
    }
}
