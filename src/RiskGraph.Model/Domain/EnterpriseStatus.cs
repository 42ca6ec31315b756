namespace RiskGraph.Model.Domain;

public enum EnterpriseStatus
{
    InBusiness,
    Suspended,
    Revoked,
    Cancelled,
}
