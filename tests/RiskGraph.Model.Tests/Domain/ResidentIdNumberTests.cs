using RiskGraph.Model.Identity;

namespace RiskGraph.Model.Tests.Domain;

public class ResidentIdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the worked example of GB 11643-1999
    [InlineData("440524188001010014")]
    public void ValidNumbers_Pass(string id) => Assert.Null(ResidentIdNumber.Validate(id));

    [Theory]
    [InlineData("110105194912310021", "check character")]
    [InlineData("11010519491231002", "18 characters")]
    [InlineData("1101051949123100AX", "must be a digit")]
    public void InvalidNumbers_SayWhy(string id, string reason) => Assert.Contains(reason, ResidentIdNumber.Validate(id));

    [Fact]
    public void PersonKey_IsKeyedAndNeverContainsTheNumber()
    {
        var a = new PersonKeyHasher(new byte[32]);
        var b = new PersonKeyHasher(Enumerable.Repeat((byte)7, 32).ToArray());
        string key = a.KeyOf("11010519491231002X");
        Assert.StartsWith("p_", key);
        Assert.DoesNotContain("19491231", key);
        Assert.Equal(key, a.KeyOf("11010519491231002x"));
        Assert.NotEqual(key, b.KeyOf("11010519491231002X"));
        Assert.Equal("110***********002X", PersonKeyHasher.Mask("11010519491231002X"));
    }
}
