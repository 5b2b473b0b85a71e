package fr.pasdecalais.habitat.aap.identity;

import java.util.List;

/** The engine's groups: who does what in the lifecycle of a call. */
public final class Groups {

  /** Agents of the service (SPSLH) who instruct dossiers. */
  public static final String INSTRUCTEURS = "instructeurs";
  /** Jury members: each sees only the opinion tasks assigned to them. */
  public static final String JURY = "jury";
  /** Secretariat of the deciding body (Commission Permanente or Préfet). */
  public static final String SECRETARIAT = "secretariat-assemblee";
  /** Finance officers of the Département: payment and recovery orders of the Département's conventions. */
  public static final String FINANCES = "finances";
  /**
   * Finance officers of the State (DDETS): payment and recovery orders of the State's conventions. The
   * payer of a convention follows its call's funder kind ({@code call.FunderKind#payerGroup()}).
   */
  public static final String ETAT_FINANCES = "etat-finances";
  /** The prefecture's decisions office: records the Préfet's decision on a call decided by the Préfet. */
  public static final String PREFECTURE = "prefecture";
  /** Supervisors: read-only Cockpit. */
  public static final String SUPERVISEURS = "superviseurs";
  /** Partner accounts of applicant organisations: REST API only. */
  public static final String PORTEURS = "porteurs";
  /** Camunda's administrators group. */
  public static final String ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** Groups that work in Tasklist. */
  public static final List<String> TASKLIST_GROUPS = List.of(INSTRUCTEURS, JURY, SECRETARIAT, FINANCES, ETAT_FINANCES,
      PREFECTURE, SUPERVISEURS);

  /** Groups whose members complete group tasks in Tasklist, read instances' variables and hand a task to a colleague. */
  public static final List<String> OFFICE_GROUPS = List.of(INSTRUCTEURS, SECRETARIAT, FINANCES, ETAT_FINANCES, PREFECTURE);

  private Groups() {}
}
