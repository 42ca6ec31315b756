using RiskGraph.Model.Domain;

namespace RiskGraph.Api.Contracts;

/// <param name="IdNumbers">Resident ID numbers, at most 20,000; they are hashed at once and never stored or logged.</param>
public sealed record PersonCheckRequest(IReadOnlyList<string>? IdNumbers);

public sealed record PersonListEntryResponse(
    string RecordId, string ListType, DateOnly ValidFrom, DateOnly? ValidTo, string Department, string? LegalBasis);

/// <param name="Role">legal_representative or executive.</param>
public sealed record PersonEnterpriseResponse(string Uscc, string Name, string Role, string CreditClass);

/// <param name="Index">The position of the ID number in the request.</param>
/// <param name="MaskedId">The ID number with all but its first 3 and last 4 characters masked.</param>
public sealed record PersonCheckItem(
    int Index, string MaskedId, bool InGraph, bool OnList, IReadOnlyList<PersonListEntryResponse> EntriesInForce,
    IReadOnlyList<PersonEnterpriseResponse> Enterprises);

public sealed record PersonCheckResponse(DateOnly AsOf, int Checked, int OnList, IReadOnlyList<PersonCheckItem> Persons);

/// <param name="ListType">dishonest_judgment_debtor or restricted_executive.</param>
public sealed record PersonListEntryRequest(
    string? IdNumber, string? ListType, DateOnly? ValidFrom, DateOnly? ValidTo, string? Department, string? LegalBasis, string? RecordId);

/// <summary>A stored person list entry: the person appears only masked.</summary>
public sealed record PersonListEntryCreated(string RecordId, string MaskedId, string ListType, DateOnly ValidFrom, DateOnly? ValidTo, string Department);

/// <summary>A legal representative or executive of the checked enterprise who is on a list of persons.</summary>
public sealed record ListedOfficerResponse(string DisplayName, string Role, IReadOnlyList<PersonListEntryResponse> EntriesInForce);

public static class PersonContracts
{
    public static PersonListEntryResponse ToResponse(this PersonListEntry e) =>
        new(e.RecordId, e.ListType.Name(), e.ValidFrom, e.ValidTo, e.Department, e.LegalBasis);

    public static string RoleName(this RelationType role) => role == RelationType.LegalRepresentativeOf ? "legal_representative" : "executive";
}
