using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using VoServices.Testing;
using VoServices.VoTable.Tests.Support;

namespace VoServices.VoTable.Tests;

/// <summary>
/// Every VOTable among the real documents in ../shared/data/vo is read, written back with our writer and read
/// again with equal rows (in the file's own serialization, in TABLEDATA and in BINARY2), and the TABLEDATA
/// rewrite is checked with votlint. Exceptions are listed below with their reasons.
/// </summary>
public sealed class CorpusTests
{
    /// <summary>VOTables the reader rejects: file → (reason, part of the exception message).</summary>
    private static readonly Dictionary<string, (string Reason, string Message)> KnownRejections = new()
    {
        ["astropy/custom_datatype.xml"] =
            ("FIELD datatype='bar' is not a VOTable 1.4 §2.1 datatype; astropy rejects it too (E06)", "datatype 'bar'"),
        ["astroquery/nrao/tests/data/votable.xml"] =
            ("DTD-era file with datatype='integer', which is neither standard nor one of astropy's W13 aliases", "datatype 'integer'"),
        ["astroquery/simbad/tests/data/query_error.data"] =
            ("SIMBAD error output: the VOTable after the ::data:: line is cut off inside TABLE", "malformed XML"),
    };

    /// <summary>VOTables we read but refuse to write back: file → (reason, part of the exception message).</summary>
    private static readonly Dictionary<string, (string Reason, string Message)> KnownUnwritable = new()
    {
        ["pyvo_tests/dal/tests/data/query/missingcolumns.xml"] =
            ("a TABLE with rows but no FIELD is invalid per the VOTable schema, so the writer refuses it", "at least one FIELD"),
    };

    /// <summary>
    /// votlint findings on our TABLEDATA rewrite that come from metadata copied from the source file (we keep
    /// names, UCDs, units, refs as given): file → (reason, a substring of the expected votlint output).
    /// </summary>
    private static readonly Dictionary<string, (string Reason, string Finding)> KnownVotLintFindings = new()
    {
        ["astropy/irsa-nph-m31.xml"] = ("two PARAMs named SQL in one RESOURCE in the source", "Name 'SQL' already used"),
        ["astroquery/ipac/irsa/tests/data/Cone.xml"] = ("two PARAMs named SQL in one RESOURCE in the source", "Name 'SQL' already used"),
        ["astroquery/ipac/irsa/tests/data/Polygon.xml"] = ("two PARAMs named SQL in one RESOURCE in the source", "Name 'SQL' already used"),
        ["astropy/regression.xml"] = ("the astropy torture test: PARAM values '0.000000,0.000000' with commas", "Bad float string"),
        ["astropy/timesys.xml"] = ("TIMESYS elements that no FIELD references, as in the source", "never referenced"),
        ["astropy/too_many_columns.xml.gz"] = ("source UCD 'pos.eq,ra' and char FIELDs without arraysize", "pos.eq,ra"),
        ["astroquery/alma/tests/data/alma-datalink.xml"] = ("source uses arraysize='1' (deprecated by the 1.3 erratum)", "arraysize=\"1\" deprecated"),
        ["astroquery/vizier/tests/data/afgl2591_iram.xml"] = ("source uses arraysize='1'", "arraysize=\"1\" deprecated"),
        ["astroquery/vizier/tests/data/kang2010.xml"] = ("source uses arraysize='1'", "arraysize=\"1\" deprecated"),
        ["astroquery/vizier/tests/data/viz.xml"] = ("source COOSYS equinox='E1601' is not an astroYear", "E1601"),
        ["pyvo_tests/dal/tests/data/datalink/datalink-obscore.xml"] = ("source xtypes 'clob'/'uuid' are not DALI xtypes", "Non-DALI xtype"),
        ["pyvo_tests/dal/tests/data/datalink/datalink-ssa.xml"] = ("source xtype 'mjd' and a duplicate FIELD name", "Non-DALI xtype"),
        ["pyvo_tests/dal/tests/data/monkeypatch.xml"] = ("source TIMESYS has refpos= instead of the required refposition=", "refposition"),
        ["pyvo_tests/dal/tests/data/sia2/dataset.xml"] = ("source xtypes 'clob'/'uuid' are not DALI xtypes", "Non-DALI xtype"),
        ["pyvo_tests/dal/tests/data/sia/dataset.xml"] = ("source FIELDs ref='system' but no element has that ID", "ID system referenced"),
        ["pyvo_tests/dal/tests/data/tap/obscore-image.xml"] = ("source xtype 'mjd' is not a DALI xtype", "Non-DALI xtype"),
        ["astroquery/simbad/tests/data/m1.data"] = ("source char FIELDs without arraysize (a single character)", "No arraysize for character"),
        ["astroquery/simbad/tests/data/query_cat.data"] = ("source char FIELDs without arraysize, some null (empty TD)", "No arraysize for character"),
        ["astroquery/simbad/tests/data/query_coo.data"] = ("source char FIELDs without arraysize, some null (empty TD)", "No arraysize for character"),
        ["topcat_demo/messier.xml"] = ("source uses arraysize='1'", "arraysize=\"1\" deprecated"),
        ["topcat_demo/vizier.xml.gz"] = ("source refs to COOSYS B1900/B1950 that it never defines", "B1900"),
    };

    private static readonly ConcurrentDictionary<string, string> TableDataRewrites = new();

    public static TheoryData<string> VoTables() => new(Corpus.VoTables);

    [SkippableTheory]
    [MemberData(nameof(VoTables))]
    public void ReadWriteRead_File_RowsAreEqual(string file)
    {
        var bytes = LoadOrSkip(file);
        if (KnownRejections.TryGetValue(file, out var rejection))
        {
            var e = Assert.Throws<VoTableFormatException>(() => VoTableDocument.Load(new MemoryStream(bytes)));
            Assert.Contains(rejection.Message, e.Message);
            return;
        }
        var document = VoTableDocument.Load(new MemoryStream(bytes));
        var tables = document.Tables.ToList();
        var serializations = tables.Select(t => t.Serialization)
            .Where(s => s is VoTableSerialization.Binary or VoTableSerialization.Binary2)
            .Append(VoTableSerialization.TableData).Append(VoTableSerialization.Binary2).Distinct();
        foreach (var serialization in serializations)
        {
            var output = new MemoryStream();
            if (KnownUnwritable.TryGetValue(file, out var unwritable))
            {
                var e = Assert.ThrowsAny<ArgumentException>(() => document.Save(output, serialization));
                Assert.Contains(unwritable.Message, e.Message);
                continue;
            }
            document.Save(output, serialization);
            var again = VoTableDocument.Load(new MemoryStream(output.ToArray()), new VoTableReaderOptions { Strict = true });
            var tablesAgain = again.Tables.ToList();
            Assert.Equal(tables.Count, tablesAgain.Count);
            for (var i = 0; i < tables.Count; i++)
            {
                Assert.Equal(tables[i].Fields, tablesAgain[i].Fields);
                RowAssert.Equal(tables[i].Fields, tables[i].Rows, tablesAgain[i].Rows, serialization, $"{file} table {i}");
            }
            Assert.Equal(document.AllInfos.Select(i => (i.Name, i.Value)), again.AllInfos.Select(i => (i.Name, i.Value)));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(VoTables))]
    public void RewriteAsTableData_File_PassesVotLint(string file)
    {
        LoadOrSkip(file);
        SharedData.RequireTool("stilts");
        Skip.If(KnownRejections.ContainsKey(file) || KnownUnwritable.ContainsKey(file), "not readable or not writable (see the known lists)");
        foreach (var f in Corpus.VoTables.Where(f => !f.EndsWith(".bz2", StringComparison.Ordinal) && !KnownRejections.ContainsKey(f) && !KnownUnwritable.ContainsKey(f)))
        {
            TableDataRewrites.GetOrAdd(f, key =>
            {
                var output = new MemoryStream();
                VoTableDocument.Load(new MemoryStream(Corpus.Bytes(key))).Save(output, VoTableSerialization.TableData);
                return VoTableFiles.TempFile("corpus-" + key.Replace('/', '_') + ".td.xml", output.ToArray());
            });
        }
        var findings = VotLint.Run(TableDataRewrites.Values.ToList())[TableDataRewrites[file]];
        if (KnownVotLintFindings.TryGetValue(file, out var known))
        {
            Assert.True(findings.Contains(known.Finding, StringComparison.Ordinal),
                $"expected votlint to report '{known.Finding}' ({known.Reason}); it said:\n{findings}");
            return;
        }
        Assert.True(findings.Length == 0, $"votlint on the TABLEDATA rewrite of {file}:\n{findings}");
    }

    public static TheoryData<string> BinaryFiles() => new(
        "astroquery/gaia/tests/data/job_1.vot",
        "astroquery/utils/tap/xmlparser/tests/data/test_job_results.xml",
        "astropy/binary2_masked_strings.xml",
        "pyvo_tests/dal/tests/data/scs/result.xml");

    /// <summary>The BINARY/BINARY2 files of the corpus decode to the same values in astropy as in our reader.</summary>
    [SkippableTheory]
    [MemberData(nameof(BinaryFiles))]
    public void BinaryFile_ReadByUsAndByAstropy_Agree(string file)
    {
        var path = Corpus.FullPath(file);
        SharedData.Require(File.Exists("/usr/bin/python3") &&
            SharedData.Run("/usr/bin/python3", ["-c", "import astropy.io.votable"]).ExitCode == 0, "/usr/bin/python3 has no astropy");
        var table = VoTableDocument.Load(path, new VoTableReaderOptions { Strict = true }).Tables.First();
        Assert.NotEqual(VoTableSerialization.TableData, table.Serialization);
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "astropy_dump.py");
        var (exit, stdout, stderr) = SharedData.Run("/usr/bin/python3", [script, path]);
        Assert.True(exit == 0, stderr);
        var ours = JsonRows.Normalize(JsonRows.ToJson(table.Fields, table.Rows));
        var theirs = JsonRows.Normalize(JsonNode.Parse(stdout)!);
        foreach (var (name, column) in theirs.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(column, ours[name]), $"{file} column {name}: astropy {column?.ToJsonString()}\nours {ours[name]?.ToJsonString()}");
        }
        Assert.Equal(theirs.AsObject().Count, ours.AsObject().Count);
    }

    private static byte[] LoadOrSkip(string file)
    {
        SharedData.Require(file != Corpus.Missing, "../shared/data is not present beside the checkout");
        Skip.If(file.EndsWith(".bz2", StringComparison.Ordinal), "bzip2: no decoder in the .NET base library (optional per the brief)");
        return Corpus.Bytes(file);
    }
}
