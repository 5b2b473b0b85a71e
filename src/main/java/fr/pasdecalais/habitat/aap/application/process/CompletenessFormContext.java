package fr.pasdecalais.habitat.aap.application.process;

import static fr.pasdecalais.habitat.aap.application.process.ApplicationProcess.*;
import static fr.pasdecalais.habitat.aap.shared.ProcessContract.*;

import fr.pasdecalais.habitat.aap.application.ApplicationReading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Create listener of "Vérifier la complétude": the form's list of the call's pieces with what was
 * received ({@code piecesReceivedText}, markdown with links) and the options of the "missing pieces"
 * checklist ({@code requiredPieceOptions}, JSON).
 */
@Component
public class CompletenessFormContext implements TaskListener {
  private final ApplicationReading reading;

  public CompletenessFormContext(ApplicationReading reading) {
    this.reading = reading;
  }

  @Override
  public void notify(DelegateTask task) {
    long applicationId = ((Number) task.getVariable(VAR_APPLICATION_ID)).longValue();
    List<ApplicationReading.PieceStatus> pieces = reading.pieces(applicationId);
    StringBuilder text = new StringBuilder();
    List<Map<String, String>> options = new ArrayList<>();
    for (ApplicationReading.PieceStatus p : pieces) {
      text.append("- ").append(p.received().isEmpty() ? "✘ " : "✔ ").append("**").append(p.label()).append("**")
          .append(p.mandatory() ? "" : " (facultative)");
      if (p.received().isEmpty()) {
        text.append(" : non reçue");
      } else {
        text.append(" : ");
        text.append(String.join(", ", p.received().stream().map(d -> "[" + d.fileName() + "](" + d.href() + ")").toList()));
      }
      text.append('\n');
      Map<String, String> option = new LinkedHashMap<>();
      option.put("label", p.label());
      option.put("value", p.code());
      options.add(option);
    }
    task.setVariable(VAR_PIECES_RECEIVED_TEXT, text.toString());
    task.setVariable(VAR_REQUIRED_PIECE_OPTIONS, SpinValues.jsonValue(org.camunda.spin.Spin.JSON(options).toString()).create());
  }
}
