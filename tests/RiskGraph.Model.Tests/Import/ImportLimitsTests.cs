using System.Text;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Import;

public class ImportLimitsTests
{
    private static readonly PersonKeyHasher Hasher = new(new byte[32]);

    [Fact]
    public void AOneGigabyteLine_FailsAfterTheLimit_InConstantMemory()
    {
        // The stream would produce a header and then 1 GiB without a line end; it never exists on disk or in memory.
        using var stream = new EndlessLineStream("uscc,name\n"u8.ToArray(), 1L << 30);
        using var reader = new CsvLineReader(stream, "enterprises.csv", new ImportOptions());
        Assert.Equal("uscc,name", reader.ReadLine());

        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImportException>(() => reader.ReadLine());
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal("enterprises.csv:2:1: the line is longer than 1,048,576 bytes", error.Message);
        // The line buffer grows to the limit once (1 MiB, with its doublings); nothing scales with the line.
        Assert.True(allocated < 4L << 20, $"{allocated:N0} bytes allocated");
        Assert.True(stream.Position < 2L << 20, $"{stream.Position:N0} bytes read");
    }

    [Fact]
    public void TheLimits_AreConfigurable()
    {
        using var folder = new TempFolder();
        ImportCorpusCase.WriteBase(folder.Path);
        File.WriteAllText(folder.File("persons.csv"), $"id_number,name\n440305195704021524,{new string('张', 21)}\n");
        var narrow = new ImportOptions { MaxFieldChars = 20, Today = ImportCorpusCase.Today };
        var error = Assert.Throws<ImportException>(() => Import(folder, narrow).GetAwaiter().GetResult());
        Assert.Equal("persons.csv:2:2: the field is longer than 20 characters (21)", error.Message);

        var shortLines = new ImportOptions { MaxLineBytes = 80, Today = ImportCorpusCase.Today };
        error = Assert.Throws<ImportException>(() => Import(folder, shortLines).GetAwaiter().GetResult());
        Assert.StartsWith("enterprises.csv:2:", error.Message);
        Assert.EndsWith("the line is longer than 80 bytes", error.Message);
        Assert.True(error.BeforeAnyWrite);
    }

    [Fact]
    public async Task AWronglyEncodedLaterFile_StoresNothingAtAll()
    {
        using var folder = new TempFolder();
        ImportCorpusCase.WriteBase(folder.Path);
        File.Copy(Path.Combine(ImportCorpusCase.Folder, "cases", "gbk-persons.csv"), folder.File("labels.csv"), overwrite: true);
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        await store.InitializeAsync();

        var error = await Assert.ThrowsAsync<ImportException>(() => new CsvImporter(store, Hasher, Options).ImportFolderAsync(folder.Path));

        Assert.Equal("labels.csv:2:2: not UTF-8 (looks like GB18030/GBK)", error.Message);
        Assert.True(error.BeforeAnyWrite);
        Assert.Equal(0, await store.CountAsync<Enterprise>());
    }

    [Fact]
    public async Task ShareSums_CountTheStoredHoldingsTheFileDoesNotReplace()
    {
        using var folder = new TempFolder();
        ImportCorpusCase.WriteBase(folder.Path);
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        await new CsvImporter(store, Hasher, Options).ImportFolderAsync(folder.Path);
        string before = await StoreFingerprint.OfAsync(store);

        // Base holds 60 % + 40 % of the first enterprise; a delivery adding a third holder of 30 % makes 130 %.
        File.WriteAllText(folder.File("shareholdings.csv"),
            "holder_type,holder_id,uscc,share\nperson,440305197004292517,913101156022154390,0.3\n");
        var error = await Assert.ThrowsAsync<ImportException>(() => new CsvImporter(store, Hasher, Options).ImportFolderAsync(folder.Path));

        Assert.Equal("shareholdings.csv:2:4: share: the shares held in 913101156022154390 add up to 1.3, more than 1 (line(s) 2 and 2 stored holding(s))",
            error.Message);
        Assert.Equal(before, await StoreFingerprint.OfAsync(store));

        // Replacing a stored holding instead is fine: 60 % + 10 %.
        File.WriteAllText(folder.File("shareholdings.csv"),
            "holder_type,holder_id,uscc,share\nperson,440305197712266678,913101156022154390,0.1\n");
        await new CsvImporter(store, Hasher, Options).ImportFolderAsync(folder.Path);
        Assert.Contains(await store.ReadAllAsync<Shareholding>().ToListAsync(), s => s.Share == 0.1);
    }

    private static ImportOptions Options => new() { Today = ImportCorpusCase.Today };

    private static async Task Import(TempFolder folder, ImportOptions options)
    {
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        await new CsvImporter(store, Hasher, options).ImportFolderAsync(folder.Path);
    }

    /// <summary>A read-only stream of a prefix followed by <c>length</c> bytes of 'a', generated as it is read.</summary>
    private sealed class EndlessLineStream(byte[] prefix, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => prefix.Length + length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int written = 0;
            while (written < count && _position < Length)
            {
                buffer[offset + written++] = _position < prefix.Length ? prefix[_position] : (byte)'a';
                _position++;
            }
            return written;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
