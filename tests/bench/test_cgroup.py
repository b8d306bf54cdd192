"""The XO profile's quota cgroup: reading the mounts, planning v1 and v2 groups, and (as root) a real one."""
import os
import subprocess
import sys

import pytest

from kidcoder.bench import cgroup

HYBRID_MOUNTINFO = """\
31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
"""
HYBRID_PROC = "4:memory:/jobs/abc\n3:cpuset:/\n1:cpu:/\n0::/\n"
V2_MOUNTINFO = "30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n"
V2_PROC = "0::/user.slice/session-3.scope\n"


def fake_files(files):
    return lambda path: files.get(path, "")


def test_reads_a_hybrid_machines_mounts_and_groups():
    mounts = cgroup.parse_mountinfo(HYBRID_MOUNTINFO)
    assert [(m.mount, m.version) for m in mounts] == [
        ("/sys/fs/cgroup/cpu", 1), ("/sys/fs/cgroup/cpuset", 1), ("/sys/fs/cgroup/memory", 1),
        ("/sys/fs/cgroup/unified", 2)]
    assert mounts[0].controllers == {"cpu"}
    assert cgroup.parse_proc_cgroup(HYBRID_PROC) == {"memory": "/jobs/abc", "cpuset": "/", "cpu": "/", "": "/"}


def test_a_hybrid_machine_gets_v1_groups_under_its_own_groups():
    # the v2 hierarchy holds no cpu or memory controller, so v1 it is
    plan = cgroup.make_plan("g", 12.5, mountinfo=HYBRID_MOUNTINFO, proc_cgroup=HYBRID_PROC,
                            read=fake_files({"/sys/fs/cgroup/unified/cgroup.controllers": "hugetlb"}))
    assert plan.version == 1
    assert plan.groups == ["/sys/fs/cgroup/cpu/g", "/sys/fs/cgroup/memory/jobs/abc/g"]
    writes = dict(plan.writes)
    assert writes["/sys/fs/cgroup/cpu/g/cpu.cfs_period_us"] == "10000"
    assert writes["/sys/fs/cgroup/cpu/g/cpu.cfs_quota_us"] == "1250"
    assert writes["/sys/fs/cgroup/memory/jobs/abc/g/memory.limit_in_bytes"] == str(1024 * 1024 * 1024)


def test_v2_puts_the_group_next_to_a_group_that_has_processes():
    files = {"/sys/fs/cgroup/user.slice/session-3.scope/cgroup.procs": "812\n",
             "/sys/fs/cgroup/user.slice/session-3.scope/cgroup.controllers": "cpu memory pids",
             "/sys/fs/cgroup/user.slice/cgroup.subtree_control": "cpu memory pids"}
    plan = cgroup.make_plan("g", 25, mountinfo=V2_MOUNTINFO, proc_cgroup=V2_PROC, read=fake_files(files))
    assert plan.version == 2 and plan.groups == ["/sys/fs/cgroup/user.slice/g"] and plan.enable == []
    writes = dict(plan.writes)
    assert writes["/sys/fs/cgroup/user.slice/g/cpu.max"] == "2500 10000"
    assert writes["/sys/fs/cgroup/user.slice/g/memory.max"] == str(1024 * 1024 * 1024)


def test_v2_switches_the_controllers_on_in_an_empty_group_that_may_have_them():
    files = {"/sys/fs/cgroup/user.slice/session-3.scope/cgroup.controllers": "cpu memory"}
    plan = cgroup.make_plan("g", 50, mountinfo=V2_MOUNTINFO, proc_cgroup=V2_PROC, read=fake_files(files))
    assert plan.groups == ["/sys/fs/cgroup/user.slice/session-3.scope/g"]
    assert plan.enable == [("/sys/fs/cgroup/user.slice/session-3.scope/cgroup.subtree_control", "+cpu +memory")]


def test_no_usable_controllers_is_one_clear_error():
    with pytest.raises(cgroup.CgroupError, match="neither cgroup v2 nor cgroup v1"):
        cgroup.make_plan("g", 50, mountinfo=V2_MOUNTINFO, proc_cgroup=V2_PROC, read=fake_files({}))
    with pytest.raises(cgroup.CgroupError, match="no cgroup file system"):
        cgroup.make_plan("g", 50, mountinfo="", proc_cgroup="")


def test_quotas_the_kernel_would_refuse_are_refused_here():
    assert cgroup.quota_us(12.5) == 1250
    for percent in (0, -5, 101):
        with pytest.raises(cgroup.CgroupError):
            cgroup.quota_us(percent)
    with pytest.raises(cgroup.CgroupError, match="1 ms minimum"):
        cgroup.quota_us(5, period_us=10_000)


def test_a_container_mount_shows_only_part_of_the_tree():
    mount = cgroup.Hierarchy("/sys/fs/cgroup/cpu", "/docker/42", 1, frozenset({"cpu"}))
    assert cgroup.group_dir(mount, "/docker/42/app") == "/sys/fs/cgroup/cpu/app"


@pytest.mark.skipif(cgroup.unavailable() is not None, reason=f"no quota cgroup here: {cgroup.unavailable()}")
def test_a_real_group_holds_the_process_on_one_core_and_goes_away():
    code = "import os; print(sorted(os.sched_getaffinity(0))); print(open('/proc/self/cgroup').read())"
    with cgroup.QuotaGroup(50) as group:
        made = list(group._made)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             preexec_fn=group.enter).stdout
        assert out.splitlines()[0] == f"[{group.core}]"
        assert group.name in out
        assert group.describe()["cpu_quota_pct"] == 50
    assert made and not any(os.path.exists(folder) for folder in made)
