namespace RiskGraph.Training.Synthetic;

/// <summary>
/// One GB/T 4754-2017 division (section letter + 2-digit division).
/// <paramref name="BaseRisk"/> is the industry's share of the latent risk (logit units): construction, real estate
/// and coal carry more, utilities and software less. <paramref name="SupplyActivity"/> is the mean number of
/// business buyers a firm sells to (retail and catering sell mostly to consumers, so they hardly appear as suppliers).
/// <paramref name="Buyers"/> says which industries buy from this one ("C36:2 F51:1"): that is how supply chains run
/// from mining through manufacturing and wholesale to retail, across industries.
/// </summary>
internal sealed record Industry(
    string Code,
    string Name,
    double BaseRisk,
    double CapitalShift,
    double SupplyActivity,
    double PenaltyFactor,
    string[] NameWords,
    string Buyers,
    string ExtraDepartments);

/// <summary>The ~20 industries of the synthetic economy, in order of size (rank 1 = most enterprises).</summary>
internal static class IndustryCatalog
{
    public static IReadOnlyList<Industry> All { get; } =
    [
        new("F51", "批发业", 0.25, 0.0, 1.3, 1.0, ["商贸", "贸易", "供应链管理", "进出口"], "F52:3 H62:1 E47:1 C36:1 F51:1 O80:0.5", "Customs:1.5"),
        new("F52", "零售业", 0.20, -0.6, 0.2, 1.1, ["超市", "商业连锁", "百货", "便利店"], "H62:1 O80:1", "FireRescue:1.5"),
        new("L72", "商务服务业", 0.10, 0.3, 0.8, 0.7, ["企业管理咨询", "商务咨询", "投资管理"], "K70:1 C36:1 F51:1 I65:1 E47:1 K66:0.5", ""),
        new("I65", "软件和信息技术服务业", -0.25, -0.2, 1.0, 0.6, ["信息技术", "软件", "网络科技", "数据科技"], "K66:1 F51:1 C36:1 L72:1 K70:0.5 D44:0.5", ""),
        new("M75", "科技推广和应用服务业", -0.15, -0.3, 0.8, 0.6, ["科技发展", "技术服务", "生物科技"], "C39:1 C36:1 C26:1 A01:0.5", ""),
        new("E47", "房屋建筑业", 0.45, 0.6, 1.3, 1.4, ["建设工程", "建筑工程", "建工"], "K70:4 L72:0.5", "HousingConstruction:3 EmergencyManagement:2"),
        new("K70", "房地产业", 0.55, 1.0, 0.2, 1.2, ["置业", "房地产开发", "地产"], "L72:1", "HousingConstruction:3"),
        new("C34", "通用设备制造业", 0.0, 0.3, 1.6, 1.1, ["机械制造", "机械设备", "重工"], "C36:2 B06:1 E47:1 D44:1 F51:1.5 C31:0.5", "EcologyEnvironment:1.5 EmergencyManagement:1.5 Customs:1"),
        new("H62", "餐饮业", 0.35, -0.8, 0.05, 1.3, ["餐饮管理", "餐饮", "酒店管理"], "L72:1", "FireRescue:2"),
        new("C39", "计算机、通信和其他电子设备制造业", -0.05, 0.4, 1.6, 1.0, ["电子科技", "电子", "微电子", "光电"], "C36:2 F51:2 C34:1 I65:0.5", "Customs:1.5 EcologyEnvironment:1"),
        new("C36", "汽车制造业", 0.05, 0.6, 1.5, 1.0, ["汽车零部件", "汽车部件", "车业"], "C36:2 F51:1 F52:1 G54:0.5", "Customs:1 EcologyEnvironment:1.5 EmergencyManagement:1"),
        new("C26", "化学原料和化学制品制造业", 0.15, 0.5, 1.6, 1.5, ["化工", "新材料", "精细化工"], "C39:1 C36:1 C34:0.5 A01:1 F51:1.5", "EcologyEnvironment:3 EmergencyManagement:2.5"),
        new("G54", "道路运输业", 0.20, -0.2, 1.2, 1.2, ["物流", "运输", "货运"], "F51:2 F52:1 C36:1 C13:1 C34:1", "EmergencyManagement:2"),
        new("A01", "农业", 0.30, -0.5, 1.2, 0.8, ["农业开发", "生态农业", "果蔬种植"], "C13:3 F51:2 H62:1", "EcologyEnvironment:1"),
        new("C13", "农副食品加工业", 0.15, 0.0, 1.5, 1.2, ["食品", "粮油", "农产品加工"], "F51:2 F52:2 H62:1", "EcologyEnvironment:1"),
        new("C31", "黑色金属冶炼和压延加工业", 0.35, 1.2, 1.8, 1.5, ["钢铁", "特钢", "金属材料"], "C34:2 C36:1.5 E47:2 F51:1", "EcologyEnvironment:3 EmergencyManagement:2"),
        new("B06", "煤炭开采和洗选业", 0.40, 1.2, 1.8, 1.6, ["煤业", "矿业", "能源"], "D44:3 C31:2 C26:1 F51:1", "EcologyEnvironment:2.5 EmergencyManagement:3"),
        new("D44", "电力、热力生产和供应业", -0.35, 1.4, 1.4, 0.8, ["电力", "新能源", "热电"], "C31:1 C26:1 C36:1 C39:1 K70:0.5 E47:0.5", "EcologyEnvironment:2"),
        new("K66", "货币金融服务", 0.10, 1.5, 0.3, 0.9, ["小额贷款", "融资租赁", "典当"], "C36:1 E47:1 F51:1", "FinancialRegulation:6"),
        new("O80", "居民服务业", 0.20, -0.9, 0.1, 1.0, ["家政服务", "生活服务", "洗涤服务"], "H62:1", "FireRescue:1"),
    ];

    /// <summary>Size weights: Zipf over the listing order.</summary>
    public static double[] SizeWeights { get; } = BuildSizeWeights();

    /// <summary>Per industry, the table of buyer industries (null when it sells to no business at all).</summary>
    public static WeightedTable?[] BuyerTables { get; }

    /// <summary>Per industry, the buyer industry index behind each entry of <see cref="BuyerTables"/>.</summary>
    public static int[][] BuyerIndustries { get; }

    /// <summary>Per industry, which department tends to penalise it.</summary>
    public static WeightedTable[] DepartmentTables { get; }

    public static readonly int HoldingServices = IndexOf("L72");
    public static readonly int Finance = IndexOf("K66");

    static IndustryCatalog()
    {
        int n = All.Count;
        BuyerTables = new WeightedTable?[n];
        BuyerIndustries = new int[n][];
        DepartmentTables = new WeightedTable[n];
        for (int i = 0; i < n; i++)
        {
            var buyers = ParseSpec(All[i].Buyers);
            BuyerIndustries[i] = buyers.Select(b => IndexOf(b.Key)).ToArray();
            BuyerTables[i] = buyers.Length == 0 ? null : new WeightedTable(buyers.Select(b => b.Weight).ToArray());

            // Every industry meets market regulation and tax most, labour inspection and fire safety sometimes.
            double[] weights = new double[Departments.Count];
            weights[(int)Department.MarketRegulation] = 5.0;
            weights[(int)Department.Tax] = 3.0;
            weights[(int)Department.HumanResources] = 1.0;
            weights[(int)Department.FireRescue] = 0.5;
            foreach (var (department, weight) in ParseSpec(All[i].ExtraDepartments))
            {
                weights[(int)Enum.Parse<Department>(department)] += weight;
            }
            DepartmentTables[i] = new WeightedTable(weights);
        }
    }

    public static int IndexOf(string code)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (All[i].Code == code) return i;
        }
        throw new ArgumentException($"Unknown industry '{code}'.", nameof(code));
    }

    private static double[] BuildSizeWeights()
    {
        var weights = new double[All.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = Sampling.Zipf(i + 1, 0.85);
        return weights;
    }

    /// <summary>Parses "KEY:weight KEY:weight" (the catalog's compact notation).</summary>
    private static (string Key, double Weight)[] ParseSpec(string spec) =>
        spec.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split(':'))
            .Select(kv => (kv[0], double.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToArray();
}
