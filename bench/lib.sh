# Shared by the bench/*/run.sh scripts (sourced, from the repository root).

# Builds server/target/pchat.jar when it is missing.
build_pchat_jar() {
  if [ ! -f server/target/pchat.jar ]; then
    echo "building server/target/pchat.jar" >&2
    mvn -B -q -pl server -am package -DskipTests >&2
  fi
}

# Builds the load drivers (interop-tests main classes and their classpath file) when missing or older than their
# sources; sets driver_cp to the classpath that runs them.
build_load_driver() { # main class to check, e.g. XmppLoadMain
  local classes=interop-tests/target/classes cpfile=interop-tests/target/load-driver.classpath newest
  newest=$(find interop-tests/src/main/java interop-tests/pom.xml -newer "$cpfile" 2>/dev/null | head -1 || true)
  if [ ! -f "$cpfile" ] || [ ! -f "$classes/org/pchat/interop/load/$1.class" ] || [ -n "$newest" ]; then
    echo "building the load driver (interop-tests process-classes)" >&2
    mvn -B -q -pl interop-tests process-classes >&2
  fi
  driver_cp="$classes:$(cat "$cpfile")"
}

# A free TCP port on loopback.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# A random password for the load users of one run.
load_password() {
  echo "load-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
}
