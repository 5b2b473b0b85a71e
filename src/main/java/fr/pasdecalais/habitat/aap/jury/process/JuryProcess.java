package fr.pasdecalais.habitat.aap.jury.process;

/** Element ids and variables of {@code jury-opinion.bpmn} (one jury member, one dossier). */
public final class JuryProcess {

  public static final String VAR_JURY_MEMBER = "juryMember";
  public static final String TASK_DECLARE_CONFLICT = "Task_DeclareConflict";
  public static final String TASK_GIVE_OPINION = "Task_GiveOpinion";

  // variables of the forms and delegates (their names are written only here)
  public static final String VAR_AVIS = "avis";
  public static final String VAR_CONFLICT_REASON = "conflictReason";
  public static final String VAR_OPINION_COMMENT = "opinionComment";
  public static final String VAR_OPINION_DEADLINE_TEXT = "opinionDeadlineText";

  private JuryProcess() {}
}
