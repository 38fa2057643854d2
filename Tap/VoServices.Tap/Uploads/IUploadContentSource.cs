namespace VoServices.Tap.Uploads;

/// <summary>
/// The inline upload parts of one request (DALI 1.1 §4.3.5: <c>UPLOAD=name,param:part</c> refers to the
/// multipart/form-data part called <c>part</c> of the same POST). Implemented by the web layer, e.g. over
/// <c>IFormFileCollection</c>.
/// </summary>
public interface IUploadContentSource
{
    /// <summary>
    /// Opens the part called <paramref name="name"/> (exact name), or returns null when the request has no such
    /// part. The stream must support synchronous reads (the VOTable parser is synchronous; ASP.NET's
    /// <c>IFormFile.OpenReadStream()</c> does, as it is buffered); the caller disposes it.
    /// </summary>
    Stream? OpenPart(string name);
}
