namespace VoServices.VoTable;

/// <summary>Builds a <see cref="VoTableDocument"/> from the tokens of a <see cref="VoTableReader"/>.</summary>
internal sealed class VoTableDocumentBuilder(VoTableReader reader)
{
    private readonly Level _document = new();
    private readonly Stack<Level> _resources = new();

    /// <summary>Collected children of VOTABLE or of one RESOURCE.</summary>
    private sealed class Level
    {
        public VoTableResourceHeader Header { get; init; } = new();

        public string? Description { get; set; }

        public List<VoTableInfo> Infos { get; } = [];

        public List<VoTableInfo> TrailingInfos { get; } = [];

        public List<VoTableParam> Params { get; } = [];

        public List<VoTableCooSys> CooSys { get; } = [];

        public List<VoTableTimeSys> TimeSys { get; } = [];

        public List<VoTableLink> Links { get; } = [];

        public List<VoTableTable> Tables { get; } = [];

        public List<VoTableResource> Resources { get; } = [];

        public bool HasContent => Tables.Count > 0 || Resources.Count > 0;

        public VoTableResource ToResource() => new()
        {
            Header = Header,
            Description = Description,
            Infos = Infos,
            Params = Params,
            CooSys = CooSys,
            TimeSys = TimeSys,
            Links = Links,
            Tables = Tables,
            Resources = Resources,
            TrailingInfos = TrailingInfos,
        };
    }

    public VoTableDocument Build()
    {
        while (reader.Read())
        {
            var level = _resources.Count > 0 ? _resources.Peek() : _document;
            switch (reader.NodeType)
            {
                case VoTableNodeType.Description:
                    level.Description = reader.Description;
                    break;
                case VoTableNodeType.Info:
                    (level.HasContent ? level.TrailingInfos : level.Infos).Add(reader.Info!);
                    break;
                case VoTableNodeType.Param:
                    level.Params.Add(reader.Param!);
                    break;
                case VoTableNodeType.CooSys:
                    level.CooSys.Add(reader.CooSys!);
                    break;
                case VoTableNodeType.TimeSys:
                    level.TimeSys.Add(reader.TimeSys!);
                    break;
                case VoTableNodeType.Link:
                    level.Links.Add(reader.Link!);
                    break;
                case VoTableNodeType.StartResource:
                    _resources.Push(new Level { Header = reader.Resource! });
                    break;
                case VoTableNodeType.EndResource:
                    var done = _resources.Pop().ToResource();
                    (_resources.Count > 0 ? _resources.Peek() : _document).Resources.Add(done);
                    break;
                case VoTableNodeType.StartTable:
                    ReadTable(level);
                    break;
            }
        }
        return new VoTableDocument
        {
            Version = reader.Version,
            Description = _document.Description,
            Infos = _document.Infos,
            Params = _document.Params,
            CooSys = _document.CooSys,
            TimeSys = _document.TimeSys,
            Resources = _document.Resources,
            TrailingInfos = _document.TrailingInfos,
            Diagnostics = reader.Diagnostics.ToList(),
        };
    }

    private void ReadTable(Level level)
    {
        var header = reader.Table!;
        var serialization = reader.Serialization;
        var rows = reader.ReadRows().ToList();
        var trailing = new List<VoTableInfo>();
        while (reader.Read() && reader.NodeType != VoTableNodeType.EndTable)
        {
            if (reader.NodeType == VoTableNodeType.Info)
            {
                trailing.Add(reader.Info!);
            }
        }
        var table = new VoTableTable { Header = header, Serialization = serialization, Rows = rows, TrailingInfos = trailing };
        if (_resources.Count == 0)
        {
            // A TABLE directly under VOTABLE is invalid; keep it in an implicit RESOURCE.
            var implicitResource = new Level();
            implicitResource.Tables.Add(table);
            _document.Resources.Add(implicitResource.ToResource());
            return;
        }
        level.Tables.Add(table);
    }
}
