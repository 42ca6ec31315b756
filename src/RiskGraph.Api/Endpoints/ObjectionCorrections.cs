using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// Validates the corrected values of a <c>corrected</c> outcome against the record they correct. Seed 004 has
/// erroneous information corrected or revoked (更正或撤销): a correction must say what the right values are, since
/// the record goes on counting at them.
/// </summary>
internal static class ObjectionCorrections
{
    public static (RecordCorrection? Correction, ValidationProblem? Problem) Parse(
        CreditLedger ledger, string recordId, ObjectionResult result, CorrectionRequest? request)
    {
        if (result != ObjectionResult.Corrected)
            return request is null ? (null, null) : (null, ApiProblems.InvalidField("correction", "Only a corrected outcome carries corrected values."));
        if (request is null || new RecordCorrection(null, request.Amount, request.DecisionDate, request.PublicationDate, request.ValidFrom, request.ValidTo).IsEmpty
            && request.Kind is null)
            return (null, ApiProblems.InvalidField("correction", "A corrected outcome must give the corrected values (kind, amount, decision_date, publication_date, valid_from or valid_to)."));

        var (correction, problem) = FindPenalty(ledger, recordId) is { } penalty ? ParsePenalty(penalty, request) : ParseEntry(ledger, recordId, request);
        // The ledger applies the latest correction to the values as stored, so values an earlier correction set
        // and this one leaves out are carried over.
        if (correction is null || ledger.HistoryOf(recordId)?.Correction is not { } earlier) return (correction, problem);
        return (new RecordCorrection(
            correction.Kind ?? earlier.Kind, correction.Amount ?? earlier.Amount, correction.DecisionDate ?? earlier.DecisionDate,
            correction.PublicationDate ?? earlier.PublicationDate, correction.ValidFrom ?? earlier.ValidFrom, correction.ValidTo ?? earlier.ValidTo), null);
    }

    private static (RecordCorrection?, ValidationProblem?) ParseEntry(CreditLedger ledger, string recordId, CorrectionRequest request)
    {
        if (request.Kind is not null || request.Amount is not null || request.DecisionDate is not null || request.PublicationDate is not null)
            return (null, ApiProblems.InvalidField("correction", "A list entry's correction takes valid_from and valid_to only."));
        var entry = FindEntry(ledger, recordId)!;
        var from = request.ValidFrom ?? entry.ValidFrom;
        var to = request.ValidTo ?? entry.ValidTo;
        if (to is { } end && end < from) return (null, ApiProblems.InvalidField("correction.valid_to", "valid_to must not be before valid_from."));
        return (new RecordCorrection(ValidFrom: request.ValidFrom, ValidTo: request.ValidTo), null);
    }

    private static (RecordCorrection?, ValidationProblem?) ParsePenalty(Penalty penalty, CorrectionRequest request)
    {
        if (request.ValidFrom is not null || request.ValidTo is not null)
            return (null, ApiProblems.InvalidField("correction", "A penalty's correction takes kind, amount, decision_date and publication_date."));
        PenaltyKind? kind = null;
        if (request.Kind is not null)
        {
            if (!DomainNames.TryParse(request.Kind, out PenaltyKind parsed))
                return (null, ApiProblems.InvalidField("correction.kind", $"kind must be one of {string.Join(", ", DomainNames.AllPenaltyKinds)}."));
            kind = parsed;
        }
        if (request.Amount is { } amount && (!double.IsFinite(amount) || amount < 0))
            return (null, ApiProblems.InvalidField("correction.amount", "amount must be a non-negative number of CNY."));
        var decided = request.DecisionDate ?? penalty.DecisionDate;
        var published = request.PublicationDate ?? penalty.PublicationDate;
        if (published < decided)
            return (null, ApiProblems.InvalidField("correction.publication_date", "publication_date must not be before decision_date."));
        return (new RecordCorrection(kind, request.Amount, request.DecisionDate, request.PublicationDate), null);
    }

    private static Penalty? FindPenalty(CreditLedger ledger, string recordId)
    {
        int owner = ledger.OwnerOf(recordId);
        foreach (var p in ledger.PenaltiesOf(owner)) if (p.RecordId == recordId) return p;
        return null;
    }

    private static ListEntry? FindEntry(CreditLedger ledger, string recordId)
    {
        int owner = ledger.OwnerOf(recordId);
        foreach (var l in ledger.ListEntriesOf(owner)) if (l.RecordId == recordId) return l;
        return null;
    }
}
