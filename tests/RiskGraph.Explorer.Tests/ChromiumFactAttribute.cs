namespace RiskGraph.Explorer.Tests;

/// <summary>
/// A browser test. It needs Debian's Chromium (a browser download by the test tool is impossible here); without
/// it the test is skipped with that reason, never passed silently. CI installs chromium in .ci/run.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath)) Skip = $"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests.";
    }
}
