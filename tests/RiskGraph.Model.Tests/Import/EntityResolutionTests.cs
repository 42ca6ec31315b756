using RiskGraph.Model.Domain;
using RiskGraph.Model.Import;

namespace RiskGraph.Model.Tests.Import;

public class EntityResolutionTests
{
    private static readonly string A = Uscc.Compose('9', '1', "310115", "MA1000001"), B = Uscc.Compose('9', '1', "440300", "MA1000002");
    private static readonly string C = Uscc.Compose('9', '1', "310115", "MA1000003"), D = Uscc.Compose('9', '1', "110105", "MA1000004");
    private static readonly string E = Uscc.Compose('9', '1', "330100", "MA1000005"), F = Uscc.Compose('9', '1', "330100", "MA1000006");

    /// <summary>
    /// A: 上海华夏贸易有限公司 (registration number 310115000123456). B: 深圳市新锐科技有限责任公司. C: 上海东方物流有限公司.
    /// D: 北京恒通股份有限公司. E and F: two enterprises
    /// spelled the same up to brackets, 杭州（滨江）信达电子有限公司 and 杭州(滨江)信达电子有限公司: a deliberately ambiguous pair.
    /// </summary>
    private static EnterpriseResolver Resolver() => new(
    [
        new Enterprise(A, "310115000123456", "上海华夏贸易有限公司", "F51", "310115", null, 1, EnterpriseStatus.InBusiness),
        new Enterprise(B, null, "深圳市新锐科技有限责任公司", "I65", "440300", null, 1, EnterpriseStatus.InBusiness),
        new Enterprise(C, "310115000654321", "上海东方物流有限公司", "G54", "310115", null, 1, EnterpriseStatus.InBusiness),
        new Enterprise(D, null, "北京恒通股份有限公司", "C36", "110105", null, 1, EnterpriseStatus.InBusiness),
        new Enterprise(E, null, "杭州（滨江）信达电子有限公司", "C39", "330100", null, 1, EnterpriseStatus.InBusiness),
        new Enterprise(F, null, "杭州(滨江)信达电子有限公司", "C39", "330100", null, 1, EnterpriseStatus.InBusiness),
    ]);

    public static TheoryData<string, string, string> Variants => new()
    {
        // Codes.
        { "310115000123456", "A", "registration_no" },
        // Exact and width, bracket and space variants.
        { "上海华夏贸易有限公司", "A", "name_exact" },
        { "上海华夏贸易有限责任公司", "A", "name_normalized" },
        { "上海 华夏贸易 有限公司", "A", "name_normalized" },
        { "深圳市新锐科技有限公司", "B", "name_normalized" },
        { "上海华夏\u3000贸易有限公司", "A", "name_normalized" },
        // The region in brackets instead of in front, with full- or half-width brackets, with or without 市.
        { "华夏贸易（上海）有限公司", "A", "name_region_moved" },
        { "华夏贸易(上海)有限公司", "A", "name_region_moved" },
        { "华夏贸易（上海市）有限责任公司", "A", "name_region_moved" },
        { "新锐科技（深圳）有限公司", "B", "name_region_moved" },
        { "上海市东方物流有限公司", "C", "name_region_moved" },
        { "东方物流【上海】有限公司", "C", "name_region_moved" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void SpellingVariants_ResolveToTheRightUscc_WithTheirRule(string reference, string expected, string rule)
    {
        var match = Resolver().Resolve(reference);
        string uscc = expected switch { "A" => A, "B" => B, _ => C };
        Assert.Equal(MatchOutcome.Matched, match.Outcome);
        Assert.Equal(uscc, match.Uscc);
        Assert.Equal(rule, match.Rule);
        Assert.True(match.Confidence >= EntityMatch.AutomaticConfidence);
    }

    [Fact]
    public void TwoEnterprisesThatOnlyBracketsTellApart_AreAmbiguous_NeverMerged()
    {
        var match = Resolver().Resolve("杭州〔滨江〕信达电子有限责任公司");
        Assert.Equal(MatchOutcome.Ambiguous, match.Outcome);
        Assert.Null(match.Uscc);
        Assert.Equal([E, F], match.Candidates);
        Assert.True(match.Confidence < EntityMatch.AutomaticConfidence);
    }

    [Fact]
    public void ANameWithoutItsRegion_IsOnlyACandidateForReview()
    {
        var match = Resolver().Resolve("华夏贸易有限公司");
        Assert.Equal(MatchOutcome.Review, match.Outcome);
        Assert.Null(match.Uscc);
        Assert.Equal([A], match.Candidates);
        Assert.Equal("name_region_missing", match.Rule);
    }

    [Theory]
    [InlineData("上海华夏贸易股份有限公司")] // another legal form is another entity
    [InlineData("北京恒通有限公司")]
    [InlineData("广州华夏贸易有限公司")] // another region
    [InlineData("310115000999999")]
    public void OtherEntities_AreNotFound(string reference) => Assert.Equal(MatchOutcome.NotFound, Resolver().Resolve(reference).Outcome);

    [Fact]
    public void OneRegistrationNumberOnTwoCodes_IsAmbiguous()
    {
        var resolver = Resolver();
        resolver.Add(Uscc.Compose('9', '1', "310115", "MA1000007"), "上海华夏商贸有限公司", "310115000123456");
        Assert.Equal(MatchOutcome.Ambiguous, resolver.Resolve("310115000123456").Outcome);
    }

    [Fact]
    public void NearDuplicates_CountTheGroupsByRule_ForReview()
    {
        var stored = new[]
        {
            new Enterprise(A, "310115000123456", "上海华夏贸易有限公司", "F51", "310115", null, 1, EnterpriseStatus.InBusiness),
            new Enterprise(B, "310115000123456", "华夏贸易（上海）有限公司", "F51", "310115", null, 1, EnterpriseStatus.InBusiness),
            new Enterprise(E, null, "杭州（滨江）信达电子有限公司", "C39", "330100", null, 1, EnterpriseStatus.InBusiness),
            new Enterprise(F, null, "杭州(滨江)信达电子有限责任公司", "C39", "330100", null, 1, EnterpriseStatus.InBusiness),
            new Enterprise(D, null, "北京恒通股份有限公司", "C36", "110105", null, 1, EnterpriseStatus.InBusiness),
        };
        var quality = NearDuplicates.Find(stored);
        Assert.Equal(5, quality.Enterprises);
        Assert.Equal(2, quality.WithRegistrationNo);
        Assert.Equal(1, quality.GroupsByRule["registration_no"]);
        Assert.Equal(1, quality.GroupsByRule["name_normalized"]);
        Assert.Equal(1, quality.GroupsByRule["name_region_moved"]);
        Assert.Equal(4, quality.EnterprisesInGroups);
        Assert.Equal(3, quality.AmbiguousGroups);
        Assert.Equal([E, F], quality.ForReview.Single(g => g.Rule == "name_normalized").Usccs);
    }
}
