using System.Runtime.InteropServices;
using System.Security.Cryptography;
using RiskGraph.Model.Features;

namespace RiskGraph.Training.Pipelines;

/// <summary>A short hash of exactly what a model was trained on: features and labels.</summary>
public static class DataFingerprint
{
    public static string Of(FeatureMatrix matrix, LabelVector labels)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MemoryMarshal.AsBytes(matrix.Values.AsSpan()));
        hash.AppendData(MemoryMarshal.AsBytes(labels.Values.AsSpan()));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
