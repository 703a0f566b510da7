package cn.gongkai.worklist;

/** The deadline light on the workbench. */
public enum Light {
    RED, YELLOW, GREEN
}
