using RiskGraph.Model.Domain;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Catalogue items (信用信息目录) and legal bases written with every generated record, so the data carries the
/// provenance the seeds ask for (R56). Fixed per kind: no random draw, so adding them changed no other value.
/// </summary>
internal static class RecordProvenance
{
    private static readonly string[] PenaltyItems =
        ["行政处罚-警告", "行政处罚-罚款", "行政处罚-没收违法所得", "行政处罚-责令停产停业", "行政处罚-吊销许可证件"];

    private static readonly string[] ListItems = ["经营异常名录", "严重违法失信名单", "严重失信主体名单", "失信被执行人名单", "诚信示范企业名单"];

    private static readonly string[] ListBases =
    [
        "《企业经营异常名录管理暂行办法》",
        "《严重违法失信企业名单管理暂行办法》",
        "《市场监督管理严重违法失信名单管理办法》",
        "《最高人民法院关于公布失信被执行人名单信息的若干规定》",
        "《诚信示范企业认定管理办法》",
    ];

    public static string CatalogueItem(PenaltyKind kind) => PenaltyItems[(int)kind];

    public static string CatalogueItem(ListType list) => ListItems[(int)list];

    public static string LegalBasis(ListType list) => ListBases[(int)list];
}
