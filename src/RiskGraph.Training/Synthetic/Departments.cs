namespace RiskGraph.Training.Synthetic;

/// <summary>Issuing authorities of penalties and list entries.</summary>
internal enum Department : byte
{
    MarketRegulation,
    Tax,
    EcologyEnvironment,
    Customs,
    EmergencyManagement,
    HousingConstruction,
    HumanResources,
    FireRescue,
    FinancialRegulation,
    Court,
    DevelopmentReform,
}

/// <summary>
/// Department names as they appear on published decisions, built once per region so that writing a million
/// records does not build a million strings. No name contains a comma (the CSV is unquoted).
/// </summary>
internal static class Departments
{
    public const int Count = 11;

    // Short forms used inside decision numbers, e.g. 沪浦市监罚〔2024〕12号. The region abbreviation has a fixed
    // length of two characters, so region + department prefixes never collide.
    private static readonly string[] Abbreviations = ["市监", "税", "环", "关", "应急", "住建", "人社", "消", "金监", "法", "发改"];

    private static readonly string[][] NamesByRegion = BuildNames();

    public static string Name(Department department, int region) => NamesByRegion[region][(int)department];

    public static string Abbreviation(Department department) => Abbreviations[(int)department];

    private static string[][] BuildNames()
    {
        var regions = RegionCatalog.All;
        var names = new string[regions.Count][];
        for (int r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            string prefix = region.AdminPrefix;
            names[r] =
            [
                prefix + "市场监督管理局",
                "国家税务总局" + prefix + "税务局",
                prefix + "生态环境局",
                region.Customs,
                prefix + "应急管理局",
                prefix + "住房和城乡建设局",
                prefix + "人力资源和社会保障局",
                prefix + "消防救援大队",
                "国家金融监督管理总局" + region.FinanceBureau + "监管局",
                prefix + "人民法院",
                prefix + "发展和改革局",
            ];
        }
        return names;
    }
}
