namespace Cinnox.Chatbot.Rooms;

/// <summary>
/// The chat-room rules (docs/chat-rooms.md#chat-functions) a <see cref="ChatRoomRuleException"/> can name. Each value says which rule an
/// attempted change broke, so a caller can react to it (show a message, disable a button) without parsing text.
/// </summary>
public enum ChatRoomRule
{
    /// <summary>The member is not in the room, so cannot act in it (post, edit, read, forward into it…).</summary>
    NotAMember = 1,

    /// <summary>No message with that id exists in the room. A reply can only refer to a message of the same room.</summary>
    MessageNotFound,

    /// <summary>Only the member who sent a message may edit or recall it.</summary>
    NotTheSender,

    /// <summary>Only text messages can be edited: not files, SMS, system messages or chatbot replies.</summary>
    OnlyTextCanBeEdited,

    /// <summary>A forwarded message is a copy of someone else's words and cannot be edited.</summary>
    ForwardedMessageCannotBeEdited,

    /// <summary>More than five minutes have passed since the message was sent (exactly 5:00 is still allowed).</summary>
    EditWindowExpired,

    /// <summary>More than five minutes have passed since the message or file was sent (exactly 5:00 is still allowed).</summary>
    RecallWindowExpired,

    /// <summary>The message was recalled: it cannot be edited, recalled again, replied to, forwarded or copied.</summary>
    MessageRecalled,

    /// <summary>Only text messages and files can be recalled: not SMS (already delivered), system messages or chatbot replies.</summary>
    CannotBeRecalled,

    /// <summary>The chatbot reply is still arriving; it can be forwarded once it has completed.</summary>
    StillStreaming,

    /// <summary>A message needs some text: the text is empty or only white space.</summary>
    EmptyText,

    /// <summary>The phone number is not a valid international (E.164) number such as <c>+85291234567</c>.</summary>
    InvalidPhoneNumber,

    /// <summary>A file needs a name, a size of zero or more, a media type matching its kind, and an absolute http or https link.</summary>
    InvalidFile,

    /// <summary>Only staff members send SMS messages.</summary>
    SmsRequiresStaff,

    /// <summary>The enquiry is closed: nothing more can be posted in it and its state cannot change.</summary>
    EnquiryClosed,

    /// <summary>The enquiry is not in a state that allows the change (for example, a transfer when no chatbot handles it).</summary>
    EnquiryStatusConflict,

    /// <summary>"@mentions only" is a setting of Space rooms; enquiry, direct and conference rooms are on or muted.</summary>
    NotificationSettingNotSupported,

    /// <summary>This kind of member cannot be in this kind of room (for example, a visitor in a Space).</summary>
    MemberKindNotAllowed,

    /// <summary>The member is already in the room.</summary>
    AlreadyAMember,

    /// <summary>The Space is private: a member of it must add newcomers; nobody can join on their own.</summary>
    SpaceIsPrivate,

    /// <summary>The button is not a postback button of that chatbot message (open-URL buttons are opened by the visitor's device, not posted).</summary>
    NotAPostbackButton,

    /// <summary>A quick link needs a shortcut name (letters, digits, <c>-</c> or <c>_</c>) and a valid web link or phone number.</summary>
    InvalidQuickLink,

    /// <summary>The value is not valid for the room's information panel (for example, a visitor field without a name).</summary>
    InvalidInformation,

    /// <summary>A room with this id already exists in the store; create it under another id, or load the existing one.</summary>
    RoomAlreadyExists,

    /// <summary>The store has no room with this id; create it first.</summary>
    RoomNotFound,
}
