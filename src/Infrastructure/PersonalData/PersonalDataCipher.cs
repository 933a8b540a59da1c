using System.Security.Cryptography;
using System.Text;

namespace VetOS.Infrastructure.PersonalData;

/// <summary>
/// Seals a personal field with its subject's key (AES-256-GCM, the subject id bound in as associated data). The prefix
/// tells which key: <c>pd1:</c> the owner's own, <c>pd2:</c> the owner's at the clinic controlling the data.
/// </summary>
public static class PersonalDataCipher
{
    public const string Erased = "erased";
    private const string OwnerPrefix = "pd1:", ClinicPrefix = "pd2:";
    private const int Prefix = 4, NonceSize = 12, TagSize = 16;

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    public static bool IsSealed(string value) => value.StartsWith(OwnerPrefix, StringComparison.Ordinal) || IsSealedForClinic(value);

    /// <summary>Sealed with the owner's key at a clinic rather than the owner's own.</summary>
    public static bool IsSealedForClinic(string value) => value.StartsWith(ClinicPrefix, StringComparison.Ordinal);

    public static string Seal(byte[] key, string subjectId, string plaintext, bool forClinic = false)
    {
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + clear.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(NonceSize, clear.Length), sealedBytes.AsSpan(NonceSize + clear.Length), Encoding.UTF8.GetBytes(subjectId));
        return (forClinic ? ClinicPrefix : OwnerPrefix) + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The plaintext, or <see cref="Erased"/> when the key is gone.</summary>
    public static string Open(byte[]? key, string subjectId, string sealedValue)
    {
        if (key is null)
            return Erased;
        var sealedBytes = Convert.FromBase64String(sealedValue[Prefix..]);
        var length = sealedBytes.Length - NonceSize - TagSize;
        var clear = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), clear, Encoding.UTF8.GetBytes(subjectId));
        return Encoding.UTF8.GetString(clear);
    }
}
