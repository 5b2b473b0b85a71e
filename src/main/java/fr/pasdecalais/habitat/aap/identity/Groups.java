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
  /** The prefecture: records the Préfet's decision on a State call ("Enregistrer la décision du Préfet"). */
  public static final String PREFECTURE = "prefecture";
  /** Finance officers: payment and recovery orders. */
  public static final String FINANCES = "finances";
  /** Supervisors: read-only Cockpit. */
  public static final String SUPERVISEURS = "superviseurs";
  /** Partner accounts of applicant organisations: REST API only. */
  public static final String PORTEURS = "porteurs";
  /** Camunda's administrators group. */
  public static final String ADMIN = org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN;

  /** Groups that work in Tasklist. */
  public static final List<String> TASKLIST_GROUPS = List.of(INSTRUCTEURS, JURY, SECRETARIAT, FINANCES, SUPERVISEURS);

  private Groups() {}
}
