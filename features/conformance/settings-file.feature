@conformance
Feature: The settings file — read as Avaya's J100 guide describes it
  46xxsettings.txt is written by hand at every site. Avaya's J100 administration guide says how
  the phone reads it: a line that does not begin with SET, ADD, GET, IF, GOTO or # is a comment,
  a statement the phone cannot read is ignored and the setting keeps its previous value, IF
  tests the phone's group, MAC address and model, ADD appends to a list, and once a file
  included with GET has been read the rest of the main file is not. The phone writes each line
  it ignored to its log.

  Background:
    Given the phone boots for the first time
    And DES assigns the phone to the configuration server "https://prov.example.com/j100"

  @req:ASSUME-22 @assumption
  Rule: ASSUME-22 — A line the phone cannot read costs that line alone; the rest of the file applies
    Avaya's phone ignores what it cannot read rather than refuse the whole file; one typing
    mistake should not cost a site every other setting. Only a file that is too large or not text
    at all is refused whole (bad input feature).

    Scenario Outline: A line with <mistake> is ignored, and the rest of the file applies
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        SET SNTPSRVR 192.0.2.123
        <line>
        SET SIPDOMAIN leeds.example.com
        """
      When the user answers Yes
      Then the phone uses these settings and no others:
        | SNTPSRVR  | 192.0.2.123       |
        | SIPDOMAIN | leeds.example.com |

      Examples: statements the phone cannot read
        | mistake                      | line                                                        |
        | an unterminated quote        | SET SIP_CONTROLLER_LIST "sbc.example.com:5061;transport=tls |
        | SET without a value          | SET SIPDOMAIN                                               |
        | SET alone                    | SET                                                         |
        | a name in small letters      | SET sipdomain example.com                                   |
        | a hyphen in a name           | SET SIP-DOMAIN example.com                                  |
        | text after the closing quote | SET SIPDOMAIN "example.com" extra                           |
        | GET without a file           | GET                                                         |
        | GET with two files           | GET j179.txt j169.txt                                       |
        | GOTO without a label         | GOTO                                                        |
        | GOTO with two labels         | GOTO J179 J169                                              |
        | an IF without SEQ            | IF $MODEL4 = J179 GOTO J179                                 |
        | an IF NOT                    | IF NOT $MODEL4 SEQ J169 GOTO OTHERS                         |
        | an IF NOT on its own model   | IF NOT $MODEL4 SEQ J179 GOTO OTHERS                         |
        | an IF with two labels        | IF $MODEL4 SEQ J179 GOTO J179 J169                          |
        | an IF on the serial number   | IF $SERIALNO SEQ 22WZ51234567 GOTO END                      |

      Examples: lines that are comments
        | mistake                      | line                                                        |
        | a misspelt statement         | SETT SIPDOMAIN other.example.com                            |
        | a comment with one "#"       | # settings for the Leeds office                             |
        | a "#" alone                  | #                                                           |
        | a line of prose              | Leeds office, second floor                                  |

    Scenario Outline: A SET with <problem> keeps the value set before it
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        SET SIPDOMAIN leeds.example.com
        <line>
        """
      When the user answers Yes
      Then the phone uses the setting SIPDOMAIN "leeds.example.com"

      Examples: unreadable values
        | problem                       | line                                |
        | a quote never closed          | SET SIPDOMAIN "other.example.com    |
        | a lone quote                  | SET SIPDOMAIN "                     |
        | text after its closing quote  | SET SIPDOMAIN "other.example.com" 2 |
        | no value                      | SET SIPDOMAIN                       |

    Scenario: A line that is not UTF-8 text is ignored, and the rest of the file applies
      Given the configuration server "https://prov.example.com/j100" holds a settings file written in Latin-1
      When the user answers Yes
      Then the phone uses the setting SIPDOMAIN "example.com"
      And the phone has no setting LOCATION

  @req:ASSUME-29 @assumption
  Rule: ASSUME-29 — ADD appends to a list, and a file read with GET takes over from the main file
    As Avaya's J100 guide describes them. A GET that cannot be read is skipped, so a missing
    model-specific file does not cost the phone the rest of the site's settings.

    Scenario Outline: <statement> after a SET of the same setting <effect>
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        SET SNTPSRVR 192.0.2.123
        <statement> SNTPSRVR 192.0.2.124
        """
      When the user answers Yes
      Then the phone uses the setting SNTPSRVR "<value>"

      Examples: what a second statement does
        | statement | effect                 | value                   |
        | ADD       | appends to its list    | 192.0.2.123,192.0.2.124 |
        | SET       | replaces its value     | 192.0.2.124             |

    Scenario: ADD to a setting not yet set sets it
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        ADD SNTPSRVR 192.0.2.124
        """
      When the user answers Yes
      Then the phone uses the setting SNTPSRVR "192.0.2.124"

    Scenario: After a GET that was read, the rest of the main file is not
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        GET j179.txt
        SET SNTPSRVR 192.0.2.123
        """
      And the configuration server "https://prov.example.com/j100" also holds the settings file "j179.txt":
        """
        SET SIPDOMAIN leeds.example.com
        """
      When the user answers Yes
      Then the phone has no setting SNTPSRVR

    Scenario: After a GET that cannot be read, the rest of the main file applies
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        GET j179.txt
        SET SNTPSRVR 192.0.2.123
        """
      When the user answers Yes
      Then the phone uses the setting SNTPSRVR "192.0.2.123"

    Scenario: A file that includes itself is read only a few levels deep
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        ADD SNTPSRVR 192.0.2.1
        GET 46xxsettings.txt
        """
      When the user answers Yes
      Then the phone uses the setting SNTPSRVR "192.0.2.1,192.0.2.1,192.0.2.1,192.0.2.1,192.0.2.1"
