//! Measuring one run of osprey from a bench: wall time, CPU time (its
//! own, and this process's meanwhile: the fake cloud's), the peak RSS and
//! the most file descriptors it held (sampled from /proc after its exec),
//! and whether it exited 0. Linux only.

use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One run of osprey.
pub struct Measure {
    pub wall: Duration,
    /// CPU time (user + system) osprey used.
    pub cpu: Duration,
    /// CPU time this process (fakestack, in the main) used meanwhile.
    pub fake_cpu: Duration,
    pub rss_kib: u64,
    pub fds: usize,
    pub ok: bool,
    pub stderr_tail: String,
}

/// Runs `cmd` (its stderr is read here) to its end and measures it.
pub fn run(mut cmd: Command) -> Measure {
    cmd.stderr(Stdio::piped());
    let (children_before, own_before) =
        (cpu_time(libc::RUSAGE_CHILDREN), cpu_time(libc::RUSAGE_SELF));
    let started = Instant::now();
    let mut child = cmd.spawn().expect("run osprey");
    let pid = child.id();
    let stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut { stderr }, &mut text).ok();
        text
    });
    // Osprey's descriptors and peak RSS, sampled while it runs. The
    // kernel's own peak (wait4's ru_maxrss) would count this process's
    // memory too: the child starts as a copy of it (fakestack and all)
    // before it execs osprey. So only samples taken after the exec count.
    let done = Arc::new(AtomicBool::new(false));
    let most = Arc::new(AtomicUsize::new(0));
    let hwm = Arc::new(AtomicUsize::new(0));
    let sampler = {
        let (done, most, hwm) = (done.clone(), most.clone(), hwm.clone());
        std::thread::spawn(move || {
            let proc = format!("/proc/{pid}");
            while !done.load(Ordering::Relaxed) {
                let comm = std::fs::read_to_string(format!("{proc}/comm")).unwrap_or_default();
                if comm.trim() == "osprey" {
                    if let Ok(entries) = std::fs::read_dir(format!("{proc}/fd")) {
                        most.fetch_max(entries.count(), Ordering::Relaxed);
                    }
                    if let Some(kib) = vm_hwm(&proc) {
                        hwm.fetch_max(kib, Ordering::Relaxed);
                    }
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        })
    };
    let status = child.wait().expect("wait for osprey");
    let wall = started.elapsed();
    let cpu = cpu_time(libc::RUSAGE_CHILDREN).saturating_sub(children_before);
    let fake_cpu = cpu_time(libc::RUSAGE_SELF).saturating_sub(own_before);
    done.store(true, Ordering::Relaxed);
    sampler.join().ok();
    let stderr = reader.join().unwrap_or_default();
    let tail: Vec<&str> = stderr.lines().rev().take(3).collect();
    Measure {
        wall,
        cpu,
        fake_cpu,
        rss_kib: hwm.load(Ordering::Relaxed) as u64,
        fds: most.load(Ordering::Relaxed),
        ok: status.success(),
        stderr_tail: tail.into_iter().rev().collect::<Vec<_>>().join(" | "),
    }
}

/// User and system CPU time of this process (`RUSAGE_SELF`) or of its
/// waited-for children (`RUSAGE_CHILDREN`).
pub fn cpu_time(who: libc::c_int) -> Duration {
    // SAFETY: getrusage writes the struct given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(who, &mut usage);
        usage
    };
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

/// A process's peak resident memory so far (`VmHWM`), in KiB. Sampled
/// up to its end, it misses at most the last 2 ms of growth.
fn vm_hwm(proc: &str) -> Option<usize> {
    let status = std::fs::read_to_string(format!("{proc}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}
