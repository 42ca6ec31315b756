using System.CommandLine;
using System.Globalization;
using RiskGraph.Model;
using RiskGraph.Model.Security;

namespace RiskGraph.Training.Commands;

/// <summary>
/// <c>keys create|list|revoke|init</c>: API keys in the store, so that every API process sees them within its
/// refresh interval. A new key is printed once, alone on the last line of standard output; only its hash is kept.
/// </summary>
internal static class KeysCommand
{
    /// <summary>The file the set-up command leaves the newcomer's keys in (mode 0600).</summary>
    public const string KeysFileName = "keys.txt";

    public static Command Create()
    {
        var keys = new Command("keys", "Create, list and revoke API keys (stored as hashes in the store, shared by every API process).");
        keys.Add(CreateVerb());
        keys.Add(ListVerb());
        keys.Add(RevokeVerb());
        keys.Add(InitVerb());
        return keys;
    }

    private static Command CreateVerb()
    {
        var name = new Option<string>("--name") { Description = "Unique name of the principal, e.g. bank-x-loans.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", ApiRoles.All)}.", Required = true };
        var department = new Option<string?>("--department") { Description = "The organisation the principal acts for (default: the name)." };
        var region = new Option<string?>("--region") { Description = "Administrative-division prefix the principal is limited to, e.g. 31 or 310115." };
        var expires = new Option<string?>("--expires") { Description = "Last valid day, yyyy-MM-dd (UTC)." };
        var store = StoreSelection.Option();
        var command = new Command("create", "Create a key; prints it once, alone on the last line.") { name, role, department, region, expires, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ApiRoles.TryParse(parse.GetValue(role), out var parsedRole))
                throw new ApiKeyException($"--role '{parse.GetValue(role)}' is not a role; expected one of {string.Join(", ", ApiRoles.All)}.");
            DateOnly? last = null;
            if (parse.GetValue(expires) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    throw new ApiKeyException($"--expires '{text}' is not a date of the form yyyy-MM-dd.");
                last = day;
            }
            await using var graphStore = await StoreSelection.OpenAsync(parse.GetValue(store)!, RiskGraphHome.FromEnvironment(), cancellationToken);
            var (key, secret) = await ApiKeyAdministration.CreateAsync(graphStore, parse.GetValue(name)!, parsedRole, parse.GetValue(department),
                parse.GetValue(region), last, DateTimeOffset.UtcNow, cancellationToken);
            Console.Error.WriteLine($"created key '{key.Name}' ({key.Role.Name()}, {key.Department}{Scope(key)}); it is shown once:");
            Console.WriteLine(secret);
            return 0;
        });
        return command;
    }

    private static Command ListVerb()
    {
        var store = StoreSelection.Option();
        var command = new Command("list", "List keys (never the keys themselves).") { store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var graphStore = await StoreSelection.OpenAsync(parse.GetValue(store)!, RiskGraphHome.FromEnvironment(), cancellationToken);
            var now = DateTimeOffset.UtcNow;
            Console.WriteLine($"{"name",-28} {"role",-15} {"department",-24} {"region",-7} {"created",-10} {"expires",-10} state");
            foreach (var key in await ApiKeyAdministration.ListAsync(graphStore, cancellationToken))
            {
                string state = key.IsRevoked ? $"revoked {key.RevokedAt:yyyy-MM-dd}" : key.IsExpiredAt(now) ? "expired" : "active";
                Console.WriteLine($"{key.Name,-28} {key.Role.Name(),-15} {key.Department,-24} {key.RegionScope ?? "-",-7} {key.CreatedAt:yyyy-MM-dd} {key.ExpiresOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",-10} {state}");
            }
            return 0;
        });
        return command;
    }

    private static Command RevokeVerb()
    {
        var name = new Argument<string>("name") { Description = "The key's name." };
        var store = StoreSelection.Option();
        var command = new Command("revoke", "Revoke a key; every running API refuses it within a few seconds.") { name, store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var graphStore = await StoreSelection.OpenAsync(parse.GetValue(store)!, RiskGraphHome.FromEnvironment(), cancellationToken);
            var key = await ApiKeyAdministration.RevokeAsync(graphStore, parse.GetValue(name)!, DateTimeOffset.UtcNow, cancellationToken);
            Console.WriteLine($"revoked key '{key.Name}' at {key.RevokedAt:O}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// What the set-up command runs: on the first run of a home, an admin and an analyst key, printed and written to
    /// $RISKGRAPH_HOME/keys.txt (mode 0600); later runs leave the file and the keys as they are.
    /// </summary>
    private static Command InitVerb()
    {
        var store = StoreSelection.Option();
        var command = new Command("init", $"First run: create an admin and an analyst key and write them to $RISKGRAPH_HOME/{KeysFileName}.") { store };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = RiskGraphHome.FromEnvironment();
            string file = Path.Combine(home.EnsureExists().Root, KeysFileName);
            if (File.Exists(file))
            {
                Console.WriteLine($"keys: {file} exists; keeping the keys in it.");
                return 0;
            }
            await using var graphStore = await StoreSelection.OpenAsync(parse.GetValue(store)!, home, cancellationToken);
            string suffix = DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            var lines = new List<string>();
            foreach (var role in new[] { ApiRole.Admin, ApiRole.Analyst })
            {
                var (_, secret) = await ApiKeyAdministration.CreateAsync(graphStore, $"setup-{role.Name()}-{suffix}", role, "setup", null, null,
                    DateTimeOffset.UtcNow, cancellationToken);
                lines.Add($"{role.Name()}={secret}");
            }
            await WritePrivateAsync(file, lines, cancellationToken);
            foreach (string line in lines) Console.WriteLine(line);
            Console.WriteLine($"keys: written to {file} (mode 0600)");
            return 0;
        });
        return command;
    }

    private static async Task WritePrivateAsync(string file, IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(file, options);
        await using var writer = new StreamWriter(stream);
        foreach (string line in lines) await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
    }

    private static string Scope(ApiKey key) => key.RegionScope is null ? "" : $", region {key.RegionScope}";
}
