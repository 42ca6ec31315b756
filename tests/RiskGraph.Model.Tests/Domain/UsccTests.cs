using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Tests.Domain;

public class UsccTests
{
    // Published codes of large enterprises, checked independently of this implementation.
    public static TheoryData<string> KnownGood => new() { "914403001922038216", "9144030071526726XG", "91330100716105852F", "91110000802100433B" };

    [Theory]
    [MemberData(nameof(KnownGood))]
    public void KnownGoodCodes_AreValid(string code) => Assert.Null(Uscc.Validate(code));

    [Theory]
    [MemberData(nameof(KnownGood))]
    public void EverySingleCharacterCorruption_IsRejected(string code)
    {
        const string Invalid = "IOZSVabc-* ";
        int corruptions = 0;
        for (int position = 0; position < code.Length; position++)
        {
            foreach (char replacement in Uscc.Alphabet + Invalid)
            {
                if (replacement == code[position]) continue;
                string corrupted = string.Concat(code.AsSpan(0, position), replacement.ToString(), code.AsSpan(position + 1));
                Assert.False(Uscc.IsValid(corrupted), $"{corrupted} (position {position + 1}) was accepted");
                corruptions++;
            }
        }
        Assert.Equal(18 * (30 + Invalid.Length), corruptions);
    }

    [Theory]
    [InlineData(null, "is empty")]
    [InlineData("", "is empty")]
    [InlineData("91440300192203821", "must have 18 characters, has 17")]
    [InlineData("9144030019220382166", "must have 18 characters, has 19")]
    [InlineData("91A403001922038216", "characters 3-8")]
    public void MalformedCodes_SayWhy(string? code, string reason) => Assert.Contains(reason, Uscc.Validate(code));

    [Fact]
    public void Compose_AppendsTheCheckCharacter()
    {
        Assert.Equal("914403001922038216", Uscc.Compose('9', '1', "440300", "192203821"));
        Assert.Throws<ArgumentException>(() => Uscc.Compose('9', '1', "4403", "192203821"));
    }

    [Fact]
    public void AdjacentTranspositions_OfDifferentCharacters_AreMostlyCaught()
    {
        // Not guaranteed by a mod-31 code, but the weights make misses rare; this guards against a weight typo.
        string code = "914403001922038216";
        int caught = 0, tried = 0;
        for (int i = 0; i < 17; i++)
        {
            if (code[i] == code[i + 1]) continue;
            var chars = code.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            tried++;
            if (!Uscc.IsValid(new string(chars))) caught++;
        }
        Assert.Equal(tried, caught);
    }
}
