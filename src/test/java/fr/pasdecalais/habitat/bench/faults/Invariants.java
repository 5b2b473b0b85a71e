package fr.pasdecalais.habitat.bench.faults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The invariants, checked by code from PostgreSQL and the mailbox; each one PASS or FAIL with its details. */
final class Invariants {

  record Check(String name, boolean pass, String detail) {}

  final List<Check> checks = new ArrayList<>();
  final Map<String, Object> figures = new LinkedHashMap<>();
  private final Db db;

  Invariants(Db db) {
    this.db = db;
  }

  boolean passed() {
    return checks.stream().allMatch(Check::pass);
  }

  private void check(String name, boolean pass, String detail) {
    checks.add(new Check(name, pass, detail));
  }

  private static String firsts(List<?> items) {
    return items.size() <= 10 ? items.toString() : items.subList(0, 10) + " … (" + items.size() + " en tout)";
  }

  /** Every lifecycle driven ended: call, dossier, convention, and the product's rows agree with the engine's history. */
  void lifecycles(List<HttpLifecycle> lifecycles) {
    List<String> notEnded = new ArrayList<>();
    for (HttpLifecycle l : lifecycles) {
      if (!"TERMINÉ".equals(l.outcome)) {
        notEnded.add(l.ref + " : " + l.outcome);
      }
    }
    figures.put("lifecyclesRun", lifecycles.size());
    figures.put("lifecyclesCompleted", lifecycles.size() - notEnded.size());
    check("chaque cycle de vie piloté est allé au bout (selon le pilote)", notEnded.isEmpty(), notEnded.isEmpty()
        ? lifecycles.size() + " / " + lifecycles.size() : firsts(notEnded));
    String prefix = lifecycles.isEmpty() ? "-" : lifecycles.get(0).ref.substring(0, lifecycles.get(0).ref.lastIndexOf('-'));
    // the database's own view, independent of the driver
    var open = db.rows("select business_key_, proc_def_key_ from act_hi_procinst where end_time_ is null"
        + " and (business_key_ like ? or business_key_ in (select reference from application where call_reference like ?))",
        prefix + "-%", prefix + "-%");
    check("aucun processus ouvert (appel, dossier, convention, avis) dans l'historique du moteur", open.isEmpty(),
        open.isEmpty() ? "0" : firsts(open));
    var calls = db.rows("select status, count(*) n from call_for_projects where reference like ? group by status", prefix + "-%");
    var apps = db.rows("select a.state, h.end_act_id_, count(*) n from application a left join act_hi_procinst h"
        + " on h.proc_inst_id_ = a.process_instance_id where a.call_reference like ? group by a.state, h.end_act_id_",
        prefix + "-%");
    var agreements = db.rows("select status, count(*) n from grant_agreement where call_reference like ? group by status",
        prefix + "-%");
    figures.put("callStates", calls.toString());
    figures.put("dossierStateAndEndEvent", apps.toString());
    figures.put("agreementStates", agreements.toString());
    long completed = lifecycles.stream().filter(l -> "TERMINÉ".equals(l.outcome)).count();
    // a completed lifecycle: the dossier granted (state and end event of its process), its convention
    // closed (advance and balance paid), the call closed out after its final review
    var mismatched = db.rows("select a.reference, a.state, h.end_act_id_, g.status agreement from application a"
        + " left join act_hi_procinst h on h.proc_inst_id_ = a.process_instance_id"
        + " left join grant_agreement g on g.application_reference = a.reference where a.call_reference like ?"
        + " and (a.state <> 'GRANTED' or h.end_act_id_ is distinct from 'EndEvent_Granted' or g.status is distinct from 'CLOSED')",
        prefix + "-%");
    check("chaque dossier GRANTED et son processus terminé par EndEvent_Granted, sa convention CLOSED",
        mismatched.isEmpty(), apps + " ; " + agreements + (mismatched.isEmpty() ? "" : " ; écarts : " + firsts(mismatched)));
    var callsOpen = db.rows("select reference, status from call_for_projects where reference like ? and status <> 'CLOSED_OUT'",
        prefix + "-%");
    long agreementCount = db.count("select count(*) from grant_agreement where call_reference like ?", prefix + "-%");
    check("chaque appel CLOSED_OUT, une convention par cycle terminé", callsOpen.isEmpty() && agreementCount == completed,
        calls + ", " + agreementCount + " conventions pour " + completed + " cycles terminés"
            + (callsOpen.isEmpty() ? "" : " ; écarts : " + firsts(callsOpen)));
  }

  void incidents() {
    var rows = db.rows("select i.incident_type_, i.activity_id_, p.proc_def_key_, p.business_key_, left(i.incident_msg_, 300) msg"
        + " from act_ru_incident i left join act_hi_procinst p on p.proc_inst_id_ = i.proc_inst_id_");
    figures.put("openIncidents", rows.size());
    check("0 incident ouvert", rows.isEmpty(), rows.isEmpty() ? "0" : firsts(rows));
  }

  void payments() {
    var dup = db.rows("select agreement_id, kind, instalment, count(*) n from payment where status <> 'CANCELLED'"
        + " group by agreement_id, kind, instalment having count(*) > 1");
    figures.put("duplicatePayments", dup.size());
    check("aucun versement (convention, nature, échéance) en double", dup.isEmpty(), dup.isEmpty() ? "0" : firsts(dup));
    var wrong = db.rows("select g.agreement_number, coalesce(g.amount_due, g.amount) due, coalesce(sum(p.amount), 0) paid,"
        + " count(p.id) payments from grant_agreement g left join payment p on p.agreement_id = g.id"
        + " and p.status <> 'CANCELLED' and p.kind in ('ADVANCE', 'INSTALMENT', 'BALANCE')"
        + " group by g.id, g.agreement_number, g.amount_due, g.amount"
        + " having coalesce(sum(p.amount), 0) <> coalesce(g.amount_due, g.amount)");
    long agreements = db.count("select count(*) from grant_agreement");
    BigDecimal total = (BigDecimal) db.rows("select coalesce(sum(amount), 0) s from payment where status <> 'CANCELLED'"
        + " and kind <> 'RECOVERY'").get(0).get("s");
    figures.put("paymentsTotal", total);
    check("Σ avance + solde = montant dû, au centime, par convention", wrong.isEmpty(),
        wrong.isEmpty() ? agreements + " conventions, " + total + " € versés" : firsts(wrong));
    var rec = db.rows("select agreement_id, count(*) n from payment where kind = 'RECOVERY' and status <> 'CANCELLED'"
        + " group by agreement_id having count(*) > 1");
    check("chaque titre de recette émis une fois", rec.isEmpty(), rec.isEmpty()
        ? db.count("select count(*) from payment where kind = 'RECOVERY'") + " titre(s)" : firsts(rec));
  }

  void opinions() {
    var dup = db.rows("select application_id, member_id, count(*) n from jury_opinion group by 1, 2 having count(*) > 1");
    var tasksTwice = db.rows("select p.business_key_, t.task_def_key_, t.assignee_, count(*) n from act_hi_taskinst t"
        + " join act_hi_procinst p on p.proc_inst_id_ = t.proc_inst_id_ where t.task_def_key_ = 'Task_GiveOpinion'"
        + " and t.delete_reason_ = 'completed' group by 1, 2, 3 having count(*) > 1");
    figures.put("duplicateOpinions", dup.size() + tasksTwice.size());
    check("chaque avis de juré enregistré une fois", dup.isEmpty() && tasksTwice.isEmpty(),
        dup.isEmpty() && tasksTwice.isEmpty() ? db.count("select count(*) from jury_opinion") + " avis"
            : firsts(dup) + " " + firsts(tasksTwice));
  }

  private static final java.util.regex.Pattern NOTIFICATION_ID = java.util.regex.Pattern.compile("<notification-(\\d+)@");

  /**
   * Every stored notification sent once, as the mailbox saw it. When the product gives each notification
   * a stable Message-ID ({@code <notification-{id}@…>}), matched by id: one Message-ID per notification,
   * raw deliveries of the same Message-ID counted apart (a receiver deduplicating by Message-ID drops them).
   * Otherwise matched by (recipient, subject): the distinct Message-IDs received for a pair against the
   * notifications stored for it.
   */
  void notifications(List<Mailbox.Received> received) {
    var stored = db.rows("select id, recipient, subject, status, attempts from notification");
    List<String> notSent = new ArrayList<>();
    for (var r : stored) {
      if (!"SENT".equals(r.get("status"))) {
        notSent.add(r.get("id") + " " + r.get("status"));
      }
    }
    long distinct = received.stream().map(Mailbox.Received::messageId).distinct().count();
    long rawDuplicates = received.size() - distinct;
    List<String> twice = new ArrayList<>();
    List<String> never = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    boolean byId = !received.isEmpty() && received.stream().allMatch(m -> m.messageId() != null
        && NOTIFICATION_ID.matcher(m.messageId()).find());
    if (byId) {
      Map<Long, Integer> raw = new HashMap<>();
      for (var m : received) {
        var mm = NOTIFICATION_ID.matcher(m.messageId());
        mm.find();
        raw.merge(Long.parseLong(mm.group(1)), 1, Integer::sum);
      }
      java.util.Set<Long> ids = new java.util.HashSet<>();
      for (var r : stored) {
        long id = ((Number) r.get("id")).longValue();
        ids.add(id);
        if (!raw.containsKey(id)) {
          never.add("notification " + id + " (" + r.get("status") + ")");
        }
      }
      raw.keySet().stream().filter(id -> !ids.contains(id)).forEach(id -> unknown.add("notification-" + id));
      raw.forEach((id, n) -> {
        if (n > 1) {
          twice.add("notification " + id + " : " + n + " livraisons du même Message-ID");
        }
      });
    } else {
      Map<String, Integer> expected = new TreeMap<>();
      for (var r : stored) {
        expected.merge(r.get("recipient") + " | " + r.get("subject"), 1, Integer::sum);
      }
      Map<String, java.util.Set<String>> ids = new HashMap<>();
      for (var m : received) {
        ids.computeIfAbsent(m.recipient() + " | " + m.subject(), x -> new java.util.HashSet<>()).add(m.messageId());
      }
      expected.forEach((k, n) -> {
        int got = ids.getOrDefault(k, java.util.Set.of()).size();
        if (got > n) {
          twice.add(k + " : " + got + " envois distincts pour " + n + " notification(s)");
        } else if (got < n) {
          never.add(k + " : " + got + " reçu(s) pour " + n);
        }
      });
      ids.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(unknown::add);
    }
    figures.put("notificationMatching", byId ? "par Message-ID <notification-{id}@…>" : "par (destinataire, objet)");
    figures.put("notificationsStored", stored.size());
    figures.put("mailsReceivedRaw", received.size());
    figures.put("mailsDistinctMessageIds", distinct);
    figures.put("mailRawDuplicates", rawDuplicates);
    figures.put("duplicateNotifications", byId ? 0 : twice.size());
    figures.put("lostNotifications", never.size() + notSent.size());
    check("chaque notification stockée est à l'état SENT", notSent.isEmpty(), notSent.isEmpty() ? stored.size() + " SENT"
        : firsts(notSent));
    // by id, a raw duplicate (same Message-ID twice) is the stated at-least-once guarantee, deduplicable: not a failure
    check("chaque notification stockée reçue, une seule fois par Message-ID (aucune perdue, aucun envoi distinct en double)",
        (byId || twice.isEmpty()) && never.isEmpty() && unknown.isEmpty(), stored.size() + " stockées, " + distinct
        + " Message-ID distincts, " + received.size() + " livraisons brutes (" + rawDuplicates
        + " doublon(s) bruts de même Message-ID)" + (twice.isEmpty() ? "" : " ; plusieurs fois : " + firsts(twice))
        + (never.isEmpty() ? "" : " ; jamais reçues : " + firsts(never))
        + (unknown.isEmpty() ? "" : " ; reçues sans notification : " + firsts(unknown)));
  }

  /**
   * Each job ran successfully once (ACT_HI_JOB_LOG), optionally for one process definition only. The
   * engine's history cleanup is left out: it is one job that the engine re-runs on its schedule under
   * the same id, by design (47 runs of one id in the first full run, not a duplicate).
   */
  void jobsOnce(String processDefinitionKey) {
    String where = (processDefinitionKey == null ? "" : " and process_def_key_ = '" + processDefinitionKey + "'")
        + " and job_def_type_ is distinct from 'history-cleanup'";
    var twice = db.rows("select job_id_, job_def_type_, count(*) n from act_hi_job_log where job_state_ = 2" + where
        + " group by job_id_, job_def_type_ having count(*) > 1");
    long jobs = db.count("select count(distinct job_id_) from act_hi_job_log where job_state_ = 2" + where);
    long failures = db.count("select count(*) from act_hi_job_log where job_state_ = 1" + where);
    long optimistic = db.count("select count(*) from act_hi_job_log where job_state_ = 1" + where
        + " and (job_exception_msg_ like '%updated by another transaction concurrently%'"
        + " or job_exception_msg_ like '%OptimisticLocking%' or job_exception_msg_ like '%ENGINE-03005%'"
        + " or job_exception_msg_ like '%Row was updated or deleted by another transaction%')");
    String label = processDefinitionKey == null ? "tous les jobs" : "jobs de " + processDefinitionKey;
    figures.put(processDefinitionKey == null ? "jobsSucceeded" : "timersSucceeded", jobs);
    figures.put(processDefinitionKey == null ? "jobsExecutedTwice" : "timersExecutedTwice", twice.size());
    figures.put(processDefinitionKey == null ? "jobFailures" : "timerFailures", failures);
    figures.put(processDefinitionKey == null ? "jobOptimisticLockFailures" : "timerOptimisticLockFailures", optimistic);
    check(label + " : chacun exécuté avec succès une seule fois (ACT_HI_JOB_LOG)", twice.isEmpty(),
        jobs + " jobs réussis, " + failures + " échecs retentés (dont " + optimistic + " conflits de verrouillage optimiste, moteur ou JPA)"
            + (twice.isEmpty() ? "" : " ; exécutés deux fois : " + firsts(twice)));
  }

  void add(String name, boolean pass, String detail) {
    check(name, pass, detail);
  }
}
