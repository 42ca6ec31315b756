using RiskGraph.Model.Security;

namespace RiskGraph.Model.Tests.Security;

public class ApiKeyTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static (ApiKey Key, string Text) NewKey(DateOnly? expires = null)
    {
        var (text, id, hash) = ApiKeySecret.Generate();
        return (new ApiKey("k", id, hash, ApiRole.Analyst, "d", null, Now, expires, null), text);
    }

    [Fact]
    public void AGeneratedKeyCarries256RandomBits_AndOnlyItsHashIsKept()
    {
        var (text, id, hash) = ApiKeySecret.Generate();
        var (other, _, _) = ApiKeySecret.Generate();

        Assert.NotEqual(text, other);
        Assert.True(ApiKeySecret.TryParse(text, out string parsedId, out string secret));
        Assert.Equal(id, parsedId);
        Assert.Equal(43, secret.Length); // 32 bytes, base64url without padding
        Assert.DoesNotContain(secret, hash);
        Assert.Equal(64, hash.Length);
        Assert.True(ApiKeySecret.Matches(secret, hash));
    }

    [Fact]
    public void TheRingAcceptsTheKey_AndRefusesAChangedSecretAnUnknownIdAndNonsense()
    {
        var (key, text) = NewKey();
        var ring = new ApiKeyRing([key]);

        Assert.Equal(KeyCheck.Valid, ring.Check(text, Now, out var found));
        Assert.Equal(key, found);
        char last = text[^1] == 'A' ? 'B' : 'A';
        Assert.Equal(KeyCheck.Unknown, ring.Check(text[..^1] + last, Now, out _));
        Assert.Equal(KeyCheck.Unknown, ring.Check(ApiKeySecret.Generate().Text, Now, out _));
        Assert.Equal(KeyCheck.Malformed, ring.Check("test-admin-key", Now, out _));
        Assert.Equal(KeyCheck.Malformed, ring.Check("rgk_' OR 1=1 --", Now, out _));
        Assert.Equal(KeyCheck.Malformed, ring.Check(new string('a', 100_000), Now, out _));
    }

    [Fact]
    public void AKeyIsValidThroughItsLastDay_AndRevokedKeysAreRefused()
    {
        var (key, text) = NewKey(expires: new DateOnly(2026, 6, 1));
        Assert.Equal(KeyCheck.Valid, new ApiKeyRing([key]).Check(text, Now, out _));
        Assert.Equal(KeyCheck.Expired, new ApiKeyRing([key]).Check(text, Now.AddDays(1), out _));
        Assert.Equal(KeyCheck.Revoked, new ApiKeyRing([key with { RevokedAt = Now }]).Check(text, Now, out _));
    }

    [Theory]
    [InlineData("31", "310115", true)]
    [InlineData("310115", "310115", true)]
    [InlineData("31", "320102", false)]
    [InlineData(null, "440300", true)]
    public void RegionScopeIsAPrefixOfTheAdministrativeDivision(string? scope, string region, bool covered)
    {
        var (key, _) = NewKey();
        Assert.Equal(covered, (key with { RegionScope = scope }).Covers(region));
    }
}
