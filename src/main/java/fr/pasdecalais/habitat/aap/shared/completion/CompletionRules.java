package fr.pasdecalais.habitat.aap.shared.completion;

/**
 * The rules a user task's submitted values must meet before the engine completes it: one Spring
 * bean per user task, named after the task (e.g. {@code GiveOpinionRules} for {@code
 * Task_GiveOpinion}), in the capability that owns the task. {@link CompletionRegistry} applies them
 * at both doors: before the engine's REST API ({@code identity.EngineApiGuard}, 400) and inside the
 * engine, as a complete listener on every user task ({@code identity.CompletionRulesPlugin}), so that
 * no value a person can type reaches a service task that would turn it into an incident.
 */
public interface CompletionRules {

  /** The id of the user task in its BPMN model, e.g. {@code Task_GiveOpinion}. */
  String taskKey();

  /** Checks the values the task will be completed with; each problem is reported on {@code completion}. */
  void check(Completion completion);
}
