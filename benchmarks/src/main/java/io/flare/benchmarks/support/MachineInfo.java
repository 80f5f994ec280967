package io.flare.benchmarks.support;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The machine a benchmark ran on, so figures are never read without it.
 *
 * @param cores processors available to the JVM
 * @param memoryBytes physical memory, or -1 when the JVM cannot tell
 * @param javaVersion the runtime version
 * @param javaVendor the runtime vendor
 * @param os operating system name, version and architecture
 * @param loadAverage the system load average over the last minute when the run started
 * (other work on the machine skews every figure), or -1 when unknown
 */
public record MachineInfo(int cores, long memoryBytes, String javaVersion, String javaVendor, String os,
		double loadAverage) {

	/**
	 * Facts about this machine and JVM.
	 * @return the machine
	 */
	public static MachineInfo current() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		long memory = (os instanceof com.sun.management.OperatingSystemMXBean physical) ? physical.getTotalMemorySize()
				: -1;
		return new MachineInfo(Runtime.getRuntime().availableProcessors(), memory,
				System.getProperty("java.runtime.version", System.getProperty("java.version")),
				System.getProperty("java.vendor"), System.getProperty("os.name") + " "
						+ System.getProperty("os.version") + " " + System.getProperty("os.arch"),
				os.getSystemLoadAverage());
	}

}
