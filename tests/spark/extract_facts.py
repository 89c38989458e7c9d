"""Runs `kgraph extract` under Apache Spark in local mode (used by tests/spark.rs).

    python3 extract_facts.py CORPUS KGRAPH FACTS_DIR [PARTITIONS]

Reads CORPUS (JSON lines, one document a line) with `textFile` in at least
PARTITIONS partitions (default 2), pipes every partition through
`KGRAPH extract --stdin jsonl -` and saves the fact lines to FACTS_DIR
(`part-00000`, `part-00001`, ...), which must not exist yet.
"""

import os
import shlex
import sys


def main() -> None:
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    corpus, kgraph, facts_dir = sys.argv[1:4]
    partitions = int(sys.argv[4]) if len(sys.argv) == 5 else 2

    # Offline and quiet: workers use this interpreter, the driver binds to
    # loopback, no web UI.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("kgraph-extract")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        docs = sc.textFile(corpus, minPartitions=partitions)
        # `pipe` splits the command with shlex and runs it with an empty
        # environment: quote the absolute path, and check the exit code so
        # that a failing extract fails the job instead of losing facts.
        # Spark already runs one task per core: one thread per extract.
        command = shlex.join(
            [kgraph, "extract", "--stdin", "jsonl", "-", "--quiet", "--threads", "1"]
        )
        docs.pipe(command, checkCode=True).saveAsTextFile(facts_dir)
        print(f"{docs.getNumPartitions()} partitions", file=sys.stderr)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
