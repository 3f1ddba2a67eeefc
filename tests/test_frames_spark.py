"""The PySpark recipe: partitions screened as polars frames give the single-process result.

Marked ``spark`` and run only when asked for (``pytest -m spark``): a local
Spark session takes a JVM and about a minute here. Skipped without PySpark
(the ``spark`` extra) or a Java runtime.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

pl = pytest.importorskip("polars")
# find_spec, not an import: importing pyspark takes seconds, and the tests run only with -m spark.
if importlib.util.find_spec("pyspark") is None:
    pytest.skip("PySpark is not installed (the spark extra)", allow_module_level=True)
if shutil.which("java") is None:  # pragma: no cover - depends on the machine
    pytest.skip("PySpark needs a Java runtime", allow_module_level=True)

from koperasi_id.errors import NoRuleInForceError  # noqa: E402
from koperasi_id.frames import screen_bpum  # noqa: E402
from koperasi_id.frames.spark import screen_bpum_spark  # noqa: E402
from test_frames_bpum import SAMPLE, frame_of, mutated, read_sample  # noqa: E402

pytestmark = [
    pytest.mark.spark,
    # Spark's Python side warns about its own internals (deprecated APIs it uses).
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]


@pytest.fixture(autouse=True)
def _asked_for(request: pytest.FixtureRequest) -> None:
    if "spark" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("a Spark session is slow: run with -m spark")


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession  # noqa: PLC0415

    # The executors' Python must be this one (with polars), not the first on PATH.
    before = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("koperasi_id-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if before is None:
        del os.environ["PYSPARK_PYTHON"]
    else:
        os.environ["PYSPARK_PYTHON"] = before


def text_frame(spark: Any, table: Any, partitions: int) -> Any:
    """A Spark DataFrame of ``table``'s rows, cut into partitions in row order."""
    schema = ", ".join(f"`{c}` string" for c in table.columns)
    return spark.createDataFrame(spark.sparkContext.parallelize(table.rows(), partitions), schema)


def test_sample_file_on_spark_equals_one_process(spark: Any) -> None:
    table = pl.read_csv(SAMPLE, infer_schema=False)
    df = text_frame(spark, table, 4)
    assert df.rdd.getNumPartitions() == 4
    got = pl.concat(screen_bpum_spark(df, year=2021, start=2).collect())
    assert got.rows() == screen_bpum(table, year=2021, start=2).rows()
    quarter = table.height // 4
    pairs = got.select("line", "duplikat_baris").drop_nulls().rows()
    assert any(line - first > quarter for line, first in pairs)  # first seen partitions earlier


def test_spark_reads_the_file_itself(spark: Any) -> None:
    df = spark.read.csv(str(SAMPLE), header=True)  # text columns, one partition per file split
    got = pl.concat(screen_bpum_spark(df, year=2021, start=2).collect())
    want = screen_bpum(pl.read_csv(SAMPLE, infer_schema=False), year=2021, start=2)
    assert got.rows() == want.rows()


def test_junk_rows_and_a_small_partition(spark: Any) -> None:
    rows = mutated(read_sample()[:600], seed=31, rate=0.3)
    table = frame_of(rows)
    df = text_frame(spark, table, 5)
    got = pl.concat(screen_bpum_spark(df, year=2020, start=1).collect())
    assert got.rows() == screen_bpum(table, year=2020, start=1).rows()


def test_unknown_year_fails_before_any_job(spark: Any) -> None:
    df = spark.createDataFrame([("1871010101900001",)], schema="nik string")
    with pytest.raises(NoRuleInForceError) as caught:
        screen_bpum_spark(df, year=2019)
    assert caught.value.table == "bpum.programme"
