using System.Text;

namespace RiskGraph.Model.Import;

/// <summary>
/// How source departments spell one enterprise differently, undone: full-width and half-width characters and
/// brackets (（）【】〔〕［］ all become ()), spaces and middle dots, 有限责任公司 for 有限公司, and the region either in
/// front (上海华夏贸易有限公司) or in brackets (华夏贸易（上海）有限公司). Other legal forms (股份有限公司, 合伙企业) stay
/// distinct: they are different kinds of entity, not spellings.
/// </summary>
public static class EnterpriseNames
{
    // Province-level names and the cities company names most often start with; the longest match wins.
    private static readonly string[] Regions =
    [
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
        "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
        "深圳", "广州", "杭州", "南京", "苏州", "无锡", "宁波", "温州", "义乌", "慈溪", "昆山", "东莞", "佛山", "武汉", "成都", "西安", "郑州",
        "济南", "青岛", "大连", "沈阳", "长春", "哈尔滨", "长沙", "合肥", "福州", "厦门", "南昌", "昆明", "贵阳", "南宁", "太原", "石家庄", "唐山",
        "鄂尔多斯", "呼和浩特", "兰州", "乌鲁木齐", "海口", "珠海", "常州", "南通", "徐州", "烟台", "潍坊", "泉州", "嘉兴", "绍兴", "台州", "金华",
    ];

    private static readonly string[] RegionSuffixes = ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"];

    /// <summary>The name with width, brackets, spaces and the limited-company form made uniform.</summary>
    public static string Canonical(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (char raw in name)
        {
            // Full-width ASCII (U+FF01..U+FF5E) is its half-width twin shifted; folded by hand because the service
            // runs with invariant globalization, where string.Normalize leaves non-ASCII text alone.
            char c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c is '·' or '・' or '•') continue;
            builder.Append(c switch
            {
                '【' or '〔' or '[' or '［' or '〖' => '(',
                '】' or '〕' or ']' or '］' or '〗' => ')',
                _ => char.ToUpperInvariant(c),
            });
        }
        return builder.Replace("有限责任公司", "有限公司").ToString();
    }

    /// <summary>The region the name carries (without 省/市) and the name without it; region null when it names none.</summary>
    public static (string? Region, string Core) Split(string canonical)
    {
        int open = canonical.IndexOf('(');
        int close = open < 0 ? -1 : canonical.IndexOf(')', open + 1);
        if (close > open + 1 && RegionOf(canonical.AsSpan(open + 1, close - open - 1), whole: true) is { } bracketed)
            return (bracketed.Region, string.Concat(canonical.AsSpan(0, open), canonical.AsSpan(close + 1)));
        if (RegionOf(canonical, whole: false) is { } leading && leading.Length < canonical.Length)
            return (leading.Region, canonical[leading.Length..]);
        return (null, canonical);
    }

    /// <summary>The region at the start of <paramref name="text"/> (or all of it when <paramref name="whole"/>) and how many characters it takes.</summary>
    private static (string Region, int Length)? RegionOf(ReadOnlySpan<char> text, bool whole)
    {
        (string Region, int Length)? best = null;
        foreach (string region in Regions)
        {
            if (!text.StartsWith(region, StringComparison.Ordinal)) continue;
            int length = region.Length;
            foreach (string suffix in RegionSuffixes)
            {
                if (text[length..].StartsWith(suffix, StringComparison.Ordinal))
                {
                    length += suffix.Length;
                    break;
                }
            }
            if (whole && length != text.Length) continue;
            if (best is null || length > best.Value.Length) best = (region, length);
        }
        return best;
    }
}
