/**
 * The process-shared mutex and condition variable. The accessors generated from its spec
 * ({@code org.abilayout.mutex.abi}) and the futex/process probes ({@code org.abilayout.mutex.sys})
 * are internal.
 */
module org.abilayout.mutex {
    requires org.abilayout.runtime;

    exports org.abilayout.mutex;
}
