package fr.pasdecalais.habitat.bench;

/** One full lifecycle, driven to its end; returns once every process instance it started has ended. */
@FunctionalInterface
public interface Lifecycle {

  void run(Recorder recorder) throws Exception;
}
