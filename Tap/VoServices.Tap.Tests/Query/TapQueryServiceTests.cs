using VoServices.Adql;
using VoServices.Adql.Semantics;
using VoServices.Dali;
using VoServices.Tap.Query;
using VoServices.Tap.Results;
using VoServices.Tap.TapSchema;
using VoServices.Tap.Uploads;

namespace VoServices.Tap.Tests.Query;

/// <summary>The pipeline stages over an in-memory backend that records what the service asks of it.</summary>
public sealed class TapQueryServiceTests
{
    private static readonly TapSchemaDocument Schema = new([new SchemaDescription("cat")],
    [
        new TableDescription("cat", "cat.main",
        [
            new ColumnDescription("id", "long", Ucd: "meta.id;meta.main"),
            new ColumnDescription("ra", "double", Unit: "deg", Ucd: "pos.eq.ra"),
        ]),
    ]);

    private sealed class SchemaSource : ITapSchemaSource
    {
        public ValueTask<TapSchemaDocument> GetSchemaAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Schema);
    }

    /// <summary>Returns the given rows for any query, or throws the given failure at execution.</summary>
    private sealed class FakeExecutor(Exception? failure = null, params object?[][] rows) : IQueryExecutor
    {
        private Exception? Failure { get; } = failure;

        private object?[][] Rows { get; } = rows;

        public List<string> Calls { get; } = [];

        public ValueTask<AdqlSchema> DescribeCatalogAsync(TapSchemaDocument document, CancellationToken cancellationToken) =>
            ValueTask.FromResult(TapAdqlSchema.FromDocument(document, _ => false));

        public Task<IQuerySession> OpenSessionAsync(QuerySessionOptions options, CancellationToken cancellationToken)
        {
            Calls.Add($"open {options.Timeout.TotalSeconds}s");
            return Task.FromResult<IQuerySession>(new Session(this));
        }

        private sealed class Session(FakeExecutor owner) : IQuerySession
        {
            public async Task<AdqlTable> LoadUploadAsync(UploadedTable upload, CancellationToken cancellationToken)
            {
                var row = new object?[upload.Columns.Count];
                var count = 0;
                while (await upload.ReadAsync(row, cancellationToken))
                {
                    count++;
                }
                owner.Calls.Add($"upload {upload.Name} {count} rows");
                return TapAdqlSchema.DescribeUpload(upload, "up_" + upload.Name);
            }

            public Task<IQueryResult> ExecuteAsync(ResolvedQuery query, long? rowLimit, CancellationToken cancellationToken)
            {
                owner.Calls.Add($"execute limit {rowLimit}");
                if (owner.Failure is not null)
                {
                    throw owner.Failure;
                }
                return Task.FromResult<IQueryResult>(new Result(ResultCellConverter.Columns(query), owner.Rows));
            }

            public ValueTask DisposeAsync()
            {
                owner.Calls.Add("close");
                return ValueTask.CompletedTask;
            }
        }

        private sealed class Result(IReadOnlyList<ResultColumn> columns, object?[][] rows) : IQueryResult
        {
            private readonly InMemoryResultRowReader reader = new(columns, rows);

            public IReadOnlyList<ResultColumn> Columns => columns;

            public string Sql => "fake";

            public ValueTask<bool> ReadAsync(object?[] row, CancellationToken cancellationToken) => reader.ReadAsync(row, cancellationToken);

            public ValueTask DisposeAsync()
            {
                reader.Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    private static TapQueryService Service(FakeExecutor executor) =>
        new(new SchemaSource(), executor, new UploadReader(), new TapOptions { DefaultMaxRec = 2 });

    private static TapRequest Request(TapQueryService service, string adql, params (string, string)[] more) =>
        service.Bind(new DaliParameters([new("LANG", "ADQL"), new("QUERY", adql),
            .. more.Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2))]));

    [Fact]
    public async Task PrepareAsync_Query_FetchesMaxRecPlusOneAndWritesResolvedMetadata()
    {
        var executor = new FakeExecutor(null, [1L, 10.0], [2L, 20.0], [3L, 30.0]);
        var service = Service(executor);
        await using (var result = await service.PrepareAsync(Request(service, "SELECT id, ra FROM cat.main"), null,
            TimeSpan.FromSeconds(5), CancellationToken.None))
        {
            Assert.Equal(["id|long|meta.id;meta.main", "ra|double|pos.eq.ra"], result.Columns.Select(c => $"{c.Name}|{c.Datatype}|{c.Ucd}"));
            using var output = new MemoryStream();
            var summary = await result.WriteAsync(output, CancellationToken.None);
            Assert.Equal((2L, true), (summary.RowCount, summary.Overflow));
        }
        Assert.Equal(["open 5s", "execute limit 3", "close"], executor.Calls);
    }

    [Fact]
    public async Task PrepareAsync_MaxRecZero_StillRunsTheQueryWithLimitZero()
    {
        var executor = new FakeExecutor();
        var service = Service(executor);
        await using var result = await service.PrepareAsync(Request(service, "SELECT id FROM cat.main", ("MAXREC", "0")), null,
            TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Contains("execute limit 0", executor.Calls);
    }

    [Fact]
    public async Task PrepareAsync_Upload_IsLoadedBeforeResolutionAndJoinable()
    {
        var executor = new FakeExecutor(null, [1L, 5L]);
        var service = Service(executor);
        var vot = QueryTestUploads.Document("<FIELD name='id' datatype='long'/>", "<TR><TD>1</TD></TR><TR><TD>2</TD></TR>");
        var parts = new InlineParts(vot);
        await using var result = await service.PrepareAsync(
            Request(service, "SELECT m.id, u.id FROM cat.main AS m JOIN TAP_UPLOAD.mine AS u ON m.id = u.id", ("UPLOAD", "mine,param:p")),
            parts, TimeSpan.FromSeconds(1), CancellationToken.None);
        Assert.Equal(["open 1s", "upload mine 2 rows", "execute limit 3"], executor.Calls);
        Assert.Equal(["id", "id_2"], result.Columns.Select(c => c.Name));
    }

    [Theory]
    [InlineData("SELECT FROM cat.main", "ADQL0001 at line 1, column 8")]
    [InlineData("SELECT idd FROM cat.main", "did you mean 'id'?")]
    [InlineData("SELECT * FROM cat.mian", "did you mean 'cat.main'?")]
    public async Task PrepareAsync_BadAdql_Throws400WithPositionAndClosesTheSession(string adql, string expected)
    {
        var executor = new FakeExecutor();
        var service = Service(executor);
        var e = await Assert.ThrowsAnyAsync<AdqlException>(() =>
            service.PrepareAsync(Request(service, adql), null, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(400, e.HttpStatus);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(executor.Calls.Count(c => c.StartsWith("open", StringComparison.Ordinal)), executor.Calls.Count(c => c == "close"));
    }

    [Fact]
    public async Task PrepareAsync_UnexpectedBackendFailure_Is500WithoutDetails()
    {
        var executor = new FakeExecutor(new InvalidOperationException("/srv/secret.db: disk I/O error at 0x1234"));
        var service = Service(executor);
        var e = await Assert.ThrowsAsync<QueryBackendException>(() =>
            service.PrepareAsync(Request(service, "SELECT id FROM cat.main"), null, TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Equal(500, e.HttpStatus);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
        Assert.Equal("close", executor.Calls[^1]);
    }

    [Theory]
    [InlineData("timeout", 500, "time limit of 2 s")]
    [InlineData("unavailable", 503, "temporarily unavailable")]
    [InlineData("values", 400, "the query failed on the data: division by zero")]
    public async Task PrepareAsync_TypedBackendFailures_KeepTheirStatus(string kind, int status, string message)
    {
        Exception failure = kind switch
        {
            "timeout" => new QueryTimeoutException(TimeSpan.FromSeconds(2)),
            "unavailable" => QueryBackendException.Unavailable(new IOException("down")),
            _ => QueryBackendException.InvalidValues("division by zero", new ArithmeticException()),
        };
        var service = Service(new FakeExecutor(failure));
        var e = await Assert.ThrowsAnyAsync<DaliException>(() =>
            service.PrepareAsync(Request(service, "SELECT id FROM cat.main"), null, TimeSpan.FromSeconds(2), CancellationToken.None));
        Assert.Equal(status, e.HttpStatus);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_Cancelled_PropagatesCancellation()
    {
        var service = Service(new FakeExecutor());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            service.PrepareAsync(Request(service, "SELECT id FROM cat.main"), null, TimeSpan.FromSeconds(1), cancelled.Token));
    }

    private sealed class InlineParts(byte[] content) : IUploadContentSource
    {
        public Stream? OpenPart(string name) => name == "p" ? new MemoryStream(content) : null;
    }
}
