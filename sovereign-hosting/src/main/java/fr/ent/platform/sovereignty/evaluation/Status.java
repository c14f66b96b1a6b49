package fr.ent.platform.sovereignty.evaluation;

/** The result of one rule: NOT_APPLICABLE when the inventory holds nothing the rule is about. */
public enum Status { COMPLIANT, VIOLATED, NOT_APPLICABLE }
