using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using RiskGraph.Api.Contracts;
using RiskGraph.Model.Algorithms.Paths;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Security;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// What the contracts' plain strings cannot say by their type: the closed sets of values some fields take (level,
/// kind, purpose, method, result, …), taken from the domain's own name tables so the document cannot drift from
/// what the API accepts and answers; and which fields of a request the API requires (requests keep nullable fields
/// so that a missing one is answered with a 400 naming it rather than a binding failure).
/// </summary>
public sealed class OpenApiSchemaFilter : ISchemaFilter
{
    private static readonly string[] CreditClasses = Enum.GetValues<CreditClass>().Select(c => c.Name()).ToArray();
    private static readonly string[] Colours = Enum.GetValues<CreditClass>().Select(c => c.Colour()).ToArray();
    private static readonly string[] PenaltyKinds = Enum.GetValues<PenaltyKind>().Select(k => k.Name()).ToArray();
    private static readonly string[] ListTypes = Enum.GetValues<ListType>().Select(k => k.Name()).ToArray();
    private static readonly string[] RecordStatuses = Enum.GetValues<RecordStatus>().Select(k => k.Name()).ToArray();
    private static readonly string[] AlertKinds = [BoundaryKind.CrossIndustry.Name(), BoundaryKind.CrossRegion.Name()];
    private static readonly string[] NodeKinds = ["enterprise", "person"];
    private static readonly string[] HealthStatuses = ["healthy", "degraded", "unhealthy"];

    /// <summary>(contract type, JSON property) → the values it takes.</summary>
    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> Values = new()
    {
        [(typeof(WarningResponse), "level")] = WarningLevels.All,
        [(typeof(CheckWarningResponse), "level")] = WarningLevels.All,
        [(typeof(EnterpriseSummary), "level")] = WarningLevels.All,
        [(typeof(AlertResponse), "level")] = WarningLevels.All,
        [(typeof(NetworkNodeResponse), "level")] = WarningLevels.All,
        [(typeof(CheckRequest), "purpose")] = CheckPolicy.Purposes,
        [(typeof(CheckResponse), "purpose")] = CheckPolicy.Purposes,
        [(typeof(CreditClassResponse), "class")] = CreditClasses,
        [(typeof(CreditClassResponse), "colour")] = Colours,
        [(typeof(PenaltyResponse), "kind")] = PenaltyKinds,
        [(typeof(PenaltyResponse), "status")] = RecordStatuses,
        [(typeof(ListEntryResponse), "list_type")] = ListTypes,
        [(typeof(ListEntryResponse), "status")] = RecordStatuses,
        [(typeof(CorrectionRequest), "kind")] = PenaltyKinds,
        [(typeof(RepairRequest), "method")] = DomainNames.AllRepairMethods,
        [(typeof(ObjectionOutcomeRequest), "result")] = DomainNames.AllObjectionResults,
        [(typeof(ObjectionOutcomeResponse), "result")] = DomainNames.AllObjectionResults,
        [(typeof(InspectionRequest), "outcome")] = DomainNames.AllInspectionOutcomes,
        [(typeof(InspectionResponse), "outcome")] = DomainNames.AllInspectionOutcomes,
        [(typeof(PersonListEntryRequest), "list_type")] = DomainNames.AllPersonListTypes,
        [(typeof(CommitmentResponse), "type")] = DomainNames.AllCommitmentTypes,
        [(typeof(CommitmentResponse), "fulfilment")] = DomainNames.AllFulfilments,
        [(typeof(AlertsResponse), "kind")] = AlertKinds,
        [(typeof(AlertResponse), "kind")] = Enum.GetValues<BoundaryKind>().Select(k => k.Name()).ToArray(),
        [(typeof(NetworkNodeResponse), "kind")] = NodeKinds,
        [(typeof(PathNode), "kind")] = NodeKinds,
        [(typeof(CreateApiKeyRequest), "role")] = ApiRoles.All,
        [(typeof(HealthResponse), "status")] = HealthStatuses,
        [(typeof(HealthCheckResponse), "status")] = HealthStatuses,
        [(typeof(ApiKeyResponse), "role")] = ApiRoles.All,
    };

    /// <summary>Request fields the API refuses to go without (each answered with a 400 naming it when missing).</summary>
    private static readonly Dictionary<Type, string[]> RequiredInRequests = new()
    {
        [typeof(BatchWarningRequest)] = ["usccs"],
        [typeof(CheckRequest)] = ["uscc", "purpose"],
        [typeof(RepairRequest)] = ["record_id", "method", "reason"],
        [typeof(ObjectionRequest)] = ["record_id", "reason"],
        [typeof(ObjectionOutcomeRequest)] = ["result"],
        [typeof(InspectionRequest)] = ["uscc", "inspected_on", "outcome", "department", "inspectors"],
        [typeof(InspectionPlanRequest)] = ["period", "region", "seed"],
        [typeof(PersonCheckRequest)] = ["id_numbers"],
        [typeof(PersonListEntryRequest)] = ["id_number", "list_type", "valid_from", "department"],
        [typeof(CreateApiKeyRequest)] = ["name", "role"],
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema target || target.Properties is null) return;
        foreach (var (name, property) in target.Properties)
        {
            if (property is OpenApiSchema inline && Values.TryGetValue((context.Type, name), out var values))
                inline.Enum = values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
        }
        if (RequiredInRequests.TryGetValue(context.Type, out var required))
        {
            target.Required ??= new HashSet<string>();
            foreach (string name in required)
            {
                if (target.Properties.ContainsKey(name)) target.Required.Add(name);
            }
        }
    }
}
