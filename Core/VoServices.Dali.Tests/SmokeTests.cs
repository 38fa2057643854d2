namespace VoServices.Dali.Tests;
public class SmokeTests { [SkippableFact] public void SharedData_IsFound() { Assert.True(System.IO.Directory.Exists(VoServices.Testing.SharedData.File("catalogs"))); } }
