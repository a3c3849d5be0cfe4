/** A speaker label at the start of a line: a name (or 主持人) and a colon ("芮勇：谢谢主持人。"). */
const SPEAKER_LABEL = /^\s*([\p{Script=Han}A-Za-z·. ]{2,20}?)[：:]/u;
export const HOST_LABEL = /^(主持人|主持|Host|Moderator)$/i;
/** Longer labels are rather a heading or a clause before a colon ("嘉宾介绍：", "我们今天的主题是："). */
const SHORT_LABEL = 8;

export interface SpeakerLabel {
  name: string;
  /** where the name starts in the line */
  start: number;
  /** just after the colon */
  end: number;
}

/** The speaker label a line starts with, if any. */
export function speakerLabel(text: string): SpeakerLabel | undefined {
  const label = SPEAKER_LABEL.exec(text);
  if (!label) return undefined;
  const end = label.index + label[0].length;
  return { name: label[1]!, start: end - label[1]!.length - 1, end };
}

/**
 * How much of a line a short speaker label takes (0 when there is none). What it says is who speaks, not
 * who is introduced: 主持人 in "主持人：有请…董事长陈建国" is not 陈建国's title, nor his role.
 */
export function shortSpeakerLabelEnd(text: string): number {
  const label = speakerLabel(text);
  return label && label.name.trim().length <= SHORT_LABEL ? label.end : 0;
}
