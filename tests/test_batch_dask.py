"""Batch on Dask distributed: a local cluster of two workers gives the rows of a local run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from govnews_extract.batch import run
from govnews_extract.cli import main

from .batch_support import read_rows, write_archive

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, protocol="tcp", dashboard_address=None
        ) as local,
        distributed.Client(local) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dask-in")
    write_archive(root, 24, seed=5)
    (root / "empty.txt").write_bytes(b"")
    return root


def test_scheduler_option_writes_the_same_rows(cluster: Any, inputs: Path, tmp_path: Path) -> None:
    address = cluster.scheduler.address
    assert address.startswith("tcp://")
    out = tmp_path / "dask.sqlite"
    result = CliRunner().invoke(main, ["batch", str(inputs), "--out", str(out), "--scheduler", address])
    assert result.exit_code == 0, result.output
    assert "25 documents in: 24 ok, 1 failed" in result.output
    run([inputs], str(tmp_path / "local.sqlite"), workers=1)
    assert read_rows(str(out)) == read_rows(str(tmp_path / "local.sqlite"))


def test_parquet_partitions_from_the_cluster(cluster: Any, inputs: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from govnews_extract.batch.dask import run_on_cluster

    summary = run_on_cluster([inputs], str(tmp_path / "pq"), cluster, batch_size=4)
    assert summary.adds_up and summary.ok == 24
    run([inputs], str(tmp_path / "local.sqlite"), workers=1)
    assert read_rows(str(tmp_path / "pq")) == read_rows(str(tmp_path / "local.sqlite"))


def test_dataframes_hold_one_article_row_per_document(cluster: Any, inputs: Path, tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    from govnews_extract.batch.dask import to_dataframes

    articles, mentions = to_dataframes([inputs])
    frame = articles.compute()
    assert len(frame) == 25 and (frame["status"] == "ok").sum() == 24
    run([inputs], str(tmp_path / "local.sqlite"), workers=1)
    assert len(mentions.compute()) == len(read_rows(str(tmp_path / "local.sqlite"))[1])
