namespace RiskGraph.Training.Synthetic;

/// <summary>
/// A county-level administrative division (6-digit code per GB/T 2260).
/// <paramref name="City"/> starts company names; <paramref name="AdminPrefix"/> starts department names;
/// <paramref name="Abbreviation"/> (two characters, unique) starts decision numbers.
/// <paramref name="BaseRisk"/> is the region's share of the latent risk; <paramref name="Specialties"/> are the
/// industries over-represented there (coal in Ordos and Taiyuan, steel in Tangshan, electronics in Shenzhen ...).
/// </summary>
internal sealed record Region(
    string Code,
    string City,
    string AdminPrefix,
    string Abbreviation,
    string Customs,
    string FinanceBureau,
    double BaseRisk,
    string Specialties)
{
    /// <summary>The first two digits: regions of one province share them.</summary>
    public string Province => Code[..2];

    public int CodeNumber { get; } = int.Parse(Code, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>30 regions in 14 provinces, in order of size (rank 1 = most enterprises).</summary>
internal static class RegionCatalog
{
    public static IReadOnlyList<Region> All { get; } =
    [
        new("440305", "深圳", "深圳市南山区", "深南", "深圳海关", "深圳", -0.20, "I65 C39"),
        new("310115", "上海", "上海市浦东新区", "沪浦", "上海海关", "上海", -0.10, "F51 K66 C36"),
        new("440306", "深圳", "深圳市宝安区", "深宝", "深圳海关", "深圳", 0.05, "C39 C34"),
        new("110105", "北京", "北京市朝阳区", "京朝", "北京海关", "北京", -0.10, "L72 K66"),
        new("441900", "东莞", "东莞市", "莞市", "黄埔海关", "广东", 0.10, "C39 C34"),
        new("110108", "北京", "北京市海淀区", "京海", "北京海关", "北京", -0.25, "I65 M75"),
        new("330110", "杭州", "杭州市余杭区", "杭余", "杭州海关", "浙江", -0.05, "I65 F51"),
        new("440106", "广州", "广州市天河区", "穗天", "广州海关", "广东", 0.0, "F51 L72"),
        new("120116", "天津", "天津市滨海新区", "津滨", "天津海关", "天津", 0.15, "C26 C36 G54"),
        new("320583", "昆山", "昆山市", "昆市", "南京海关", "江苏", 0.0, "C39 C34"),
        new("330782", "义乌", "义乌市", "义市", "杭州海关", "浙江", 0.15, "F51 F52"),
        new("310112", "上海", "上海市闵行区", "沪闵", "上海海关", "上海", -0.05, "C34 C36"),
        new("500112", "重庆", "重庆市渝北区", "渝北", "重庆海关", "重庆", 0.15, "C36 K70"),
        new("510107", "成都", "成都市武侯区", "蓉武", "成都海关", "四川", 0.05, "I65 H62"),
        new("420106", "武汉", "武汉市武昌区", "汉昌", "武汉海关", "湖北", 0.10, "E47 K70"),
        new("330106", "杭州", "杭州市西湖区", "杭西", "杭州海关", "浙江", -0.15, "I65 M75"),
        new("320505", "苏州", "苏州市虎丘区", "苏虎", "南京海关", "江苏", -0.05, "C39 M75"),
        new("410105", "郑州", "郑州市金水区", "郑金", "郑州海关", "河南", 0.20, "K70 E47"),
        new("310104", "上海", "上海市徐汇区", "沪徐", "上海海关", "上海", -0.15, "L72 M75"),
        new("370212", "青岛", "青岛市崂山区", "青崂", "青岛海关", "青岛", 0.0, "C13 M75"),
        new("320214", "无锡", "无锡市新吴区", "锡新", "南京海关", "江苏", 0.0, "C39 C34"),
        new("310114", "上海", "上海市嘉定区", "沪嘉", "上海海关", "上海", 0.0, "C36"),
        new("610113", "西安", "西安市雁塔区", "雁塔", "西安海关", "陕西", 0.10, "I65 E47"),
        new("330282", "慈溪", "慈溪市", "慈市", "宁波海关", "宁波", 0.20, "C34 F51"),
        new("370102", "济南", "济南市历下区", "济历", "济南海关", "山东", 0.05, "L72 K66"),
        new("320506", "苏州", "苏州市吴中区", "苏吴", "南京海关", "江苏", 0.0, "C34 C13"),
        new("120104", "天津", "天津市南开区", "津南", "天津海关", "天津", 0.05, "F52 H62"),
        new("130203", "唐山", "唐山市路北区", "唐北", "石家庄海关", "河北", 0.30, "C31 B06"),
        new("140105", "太原", "太原市小店区", "并小", "太原海关", "山西", 0.30, "B06 C31 D44"),
        new("150602", "鄂尔多斯", "鄂尔多斯市东胜区", "鄂东", "呼和浩特海关", "内蒙古", 0.35, "B06 D44"),
    ];

    /// <summary>
    /// Birthplaces of migrant workers and entrepreneurs that are not among the registration regions
    /// (populous counties of Anhui, Henan, Sichuan, Hunan, Jiangxi): resident ID numbers start with them.
    /// </summary>
    public static IReadOnlyList<int> MigrantBirthplaces { get; } = [341221, 411522, 511321, 430524, 360731, 342401, 412828, 513030];

    /// <summary>Size weights: Zipf over the listing order.</summary>
    public static double[] SizeWeights { get; } = BuildSizeWeights();

    /// <summary>Where enterprises are registered.</summary>
    public static WeightedTable RegionTable { get; } = new(SizeWeights);

    /// <summary>Per region, the industry mix: national size weights, specialties four times as likely.</summary>
    public static WeightedTable[] IndustryTables { get; } = BuildIndustryTables();

    private static double[] BuildSizeWeights()
    {
        var weights = new double[All.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = Sampling.Zipf(i + 1, 0.9);
        return weights;
    }

    private static WeightedTable[] BuildIndustryTables()
    {
        var tables = new WeightedTable[All.Count];
        for (int r = 0; r < All.Count; r++)
        {
            double[] weights = (double[])IndustryCatalog.SizeWeights.Clone();
            foreach (string code in All[r].Specialties.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                weights[IndustryCatalog.IndexOf(code)] *= 4.0;
            }
            tables[r] = new WeightedTable(weights);
        }
        return tables;
    }
}
