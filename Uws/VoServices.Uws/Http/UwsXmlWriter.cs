using System.Text;
using System.Xml;
using VoServices.Dali;
using VoServices.Uws.Jobs;

namespace VoServices.Uws.Http;

/// <summary>
/// Writes the UWS 1.1 XML representations (UWS.xsd, namespace <c>http://www.ivoa.net/xml/UWS/v1.0</c>): the job
/// list, a job, its parameters and its results. Elements follow the XSD sequence; empty nillable elements are written
/// as <c>xsi:nil="true"</c>; times are ISO-8601 UTC with <c>Z</c>; the root carries <c>version="1.1"</c>. Characters
/// XML 1.0 cannot hold are replaced by U+FFFD. Output is UTF-8 without a byte-order mark.
/// </summary>
public static class UwsXmlWriter
{
    /// <summary>The UWS namespace (unchanged since 1.0).</summary>
    public const string UwsNamespace = "http://www.ivoa.net/xml/UWS/v1.0";

    /// <summary>The XLink namespace.</summary>
    public const string XlinkNamespace = "http://www.w3.org/1999/xlink";

    /// <summary>The XML Schema instance namespace.</summary>
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The UWS version written on root elements.</summary>
    public const string Version = "1.1";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
    };

    /// <summary>The job list document (<c>uws:jobs</c>) with one <c>uws:jobref</c> per job.</summary>
    /// <param name="jobs">The jobs, in the order to list them.</param>
    /// <param name="jobsUrl">Absolute URL of the job list; job links are <c>{jobsUrl}/{jobId}</c>.</param>
    public static byte[] JobList(IEnumerable<UwsJobSummary> jobs, string jobsUrl)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(jobsUrl);
        return Write(xml =>
        {
            StartRoot(xml, "jobs");
            foreach (var job in jobs)
            {
                xml.WriteStartElement("uws", "jobref", UwsNamespace);
                xml.WriteAttributeString("id", job.JobId);
                xml.WriteAttributeString("xlink", "href", XlinkNamespace, jobsUrl + "/" + job.JobId);
                Element(xml, "phase", job.Phase.ToUwsName());
                if (job.RunId is not null)
                {
                    Element(xml, "runId", job.RunId);
                }
                Element(xml, "ownerId", job.OwnerId);
                Element(xml, "creationTime", Time(job.CreationTime));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    /// <summary>The job document (<c>uws:job</c>).</summary>
    /// <param name="job">The job.</param>
    /// <param name="jobUrl">Absolute URL of the job; parameter and result links are below it.</param>
    public static byte[] Job(UwsJob job, string jobUrl)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(jobUrl);
        return Write(xml =>
        {
            StartRoot(xml, "job");
            Element(xml, "jobId", job.JobId);
            if (job.RunId is not null)
            {
                Element(xml, "runId", job.RunId);
            }
            Element(xml, "ownerId", job.OwnerId);
            Element(xml, "phase", job.Phase.ToUwsName());
            Element(xml, "quote", Time(job.Quote));
            Element(xml, "creationTime", Time(job.CreationTime));
            Element(xml, "startTime", Time(job.StartTime));
            Element(xml, "endTime", Time(job.EndTime));
            Element(xml, "executionDuration", UwsJobService.Seconds(job.ExecutionDuration));
            Element(xml, "destruction", Time(job.Destruction));
            WriteParameters(xml, job, jobUrl);
            WriteResults(xml, job, jobUrl);
            if (job.ErrorSummary is { } error)
            {
                xml.WriteStartElement("uws", "errorSummary", UwsNamespace);
                xml.WriteAttributeString("type", error.Type == UwsErrorType.Transient ? "transient" : "fatal");
                xml.WriteAttributeString("hasDetail", "true");
                Element(xml, "message", error.Message);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    /// <summary>The parameters document (<c>uws:parameters</c>).</summary>
    public static byte[] Parameters(UwsJob job, string jobUrl)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(jobUrl);
        return Write(xml => WriteParameters(xml, job, jobUrl, root: true));
    }

    /// <summary>The results document (<c>uws:results</c>).</summary>
    public static byte[] Results(UwsJob job, string jobUrl)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(jobUrl);
        return Write(xml => WriteResults(xml, job, jobUrl, root: true));
    }

    /// <summary>An instant as UWS writes it: ISO-8601 UTC with <c>Z</c>, e.g. <c>2024-05-01T12:00:00.5Z</c>.</summary>
    public static string? Time(DateTime? value) =>
        value is { } v ? DaliTimestamp.Format(DateTime.SpecifyKind(v, DateTimeKind.Utc), utcDesignator: true) : null;

    private static void WriteParameters(XmlWriter xml, UwsJob job, string jobUrl, bool root = false)
    {
        xml.WriteStartElement("uws", "parameters", UwsNamespace);
        if (root)
        {
            DeclareNamespaces(xml);
        }
        foreach (var parameter in job.Parameters)
        {
            xml.WriteStartElement("uws", "parameter", UwsNamespace);
            xml.WriteAttributeString("id", Clean(parameter.Name));
            if (parameter.ByReference)
            {
                xml.WriteAttributeString("byReference", "true");
                xml.WriteString(jobUrl + "/parameters/" + Uri.EscapeDataString(parameter.Name));
            }
            else
            {
                xml.WriteString(Clean(parameter.Value));
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void WriteResults(XmlWriter xml, UwsJob job, string jobUrl, bool root = false)
    {
        xml.WriteStartElement("uws", "results", UwsNamespace);
        if (root)
        {
            DeclareNamespaces(xml);
        }
        foreach (var result in job.Results)
        {
            xml.WriteStartElement("uws", "result", UwsNamespace);
            xml.WriteAttributeString("id", Clean(result.Id));
            var href = result.ExternalHref?.AbsoluteUri ?? jobUrl + "/results/" + Uri.EscapeDataString(result.Id);
            xml.WriteAttributeString("xlink", "href", XlinkNamespace, href);
            if (result.Size is { } size)
            {
                xml.WriteAttributeString("size", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (result.MimeType is not null)
            {
                xml.WriteAttributeString("mime-type", Clean(result.MimeType));
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void StartRoot(XmlWriter xml, string name)
    {
        xml.WriteStartElement("uws", name, UwsNamespace);
        DeclareNamespaces(xml);
        xml.WriteAttributeString("version", Version);
    }

    private static void DeclareNamespaces(XmlWriter xml)
    {
        xml.WriteAttributeString("xmlns", "uws", null, UwsNamespace);
        xml.WriteAttributeString("xmlns", "xlink", null, XlinkNamespace);
        xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
    }

    /// <summary>Writes a simple element, or an empty one with <c>xsi:nil="true"</c> when the value is null.</summary>
    private static void Element(XmlWriter xml, string name, string? value)
    {
        xml.WriteStartElement("uws", name, UwsNamespace);
        if (value is null)
        {
            xml.WriteAttributeString("xsi", "nil", XsiNamespace, "true");
        }
        else
        {
            xml.WriteString(Clean(value));
        }
        xml.WriteEndElement();
    }

    private static byte[] Write(Action<XmlWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            body(xml);
            xml.WriteEndDocument();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    // XML 1.0 §2.2 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and valid surrogate pairs.
    private static string Clean(string text)
    {
        if (IsClean(text))
        {
            return text;
        }
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }
        return clean.ToString();
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c))
            {
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }
}
