package fr.ent.platform.operator.status;

/**
 * The condition types the operator's resources report. SLAMet and Compliant are reserved for the SLA watch and the
 * sovereign admission issues; they are named here so that every resource speaks the same vocabulary.
 */
public enum ConditionType {
    Ready, Provisioned, HasErrors, SLAMet, Compliant
}
