package fr.pasdecalais.habitat.aap.call;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.pasdecalais.habitat.aap.shared.DomainException.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Reads the call files ({@code classpath:calls/*.yaml}, format in {@code docs/call-format.md}) and
 * validates each at load: a faulty file stops with every problem listed, in French.
 */
@Component
public class CallDefinitionReader {

  public static final String LOCATION = "classpath*:calls/*.yaml";

  private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();
  private final CallDefinitionValidator validator;

  public CallDefinitionReader(CallDefinitionValidator validator) {
    this.validator = validator;
  }

  /** Every call file of the classpath, parsed and validated, ordered by file name. */
  public List<CallDefinition> readAll() {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
      List<Resource> sorted = new ArrayList<>(List.of(resources));
      sorted.sort(Comparator.comparing(Resource::getFilename));
      List<CallDefinition> result = new ArrayList<>();
      for (Resource r : sorted) {
        try (InputStream in = r.getInputStream()) {
          result.add(read(r.getFilename(), in));
        }
      }
      return result;
    } catch (IOException e) {
      throw new IllegalStateException("Lecture des fichiers d'appels impossible : " + e.getMessage(), e);
    }
  }

  /** Parses and validates one file; throws {@link InvalidCallFileException} listing every problem. */
  public CallDefinition read(String name, InputStream in) {
    CallDefinition definition;
    try {
      definition = yaml.readValue(in, CallDefinition.class);
    } catch (IOException e) {
      throw new InvalidCallFileException(name, List.of(new FieldProblem("-", "Fichier illisible : " + e.getMessage())));
    }
    List<FieldProblem> problems = validator.problems(definition);
    if (!problems.isEmpty()) {
      throw new InvalidCallFileException(name, problems);
    }
    return definition;
  }

  /** A call file that does not hold a valid call. */
  public static class InvalidCallFileException extends IllegalStateException {
    private final transient List<FieldProblem> problems;

    public InvalidCallFileException(String file, List<FieldProblem> problems) {
      super("Le fichier d'appel « " + file + " » est invalide : " + problems.stream()
          .map(p -> p.field() + " : " + p.message()).collect(Collectors.joining(" ; ")));
      this.problems = problems;
    }

    public List<FieldProblem> getProblems() {
      return problems;
    }
  }
}
