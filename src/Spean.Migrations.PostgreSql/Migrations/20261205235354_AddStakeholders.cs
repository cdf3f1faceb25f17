using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AddStakeholders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Engagement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Topics = table.Column<List<string>>(type: "text[]", nullable: false),
                    ParticipantIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    OrganisationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    RecommendationIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ReportIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    CampaignIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    EncryptedAgreed = table.Column<byte[]>(type: "bytea", nullable: true),
                    Confidentiality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Engagement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Engagement_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Engagement_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Stakeholder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    NameLatin = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameKhmer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    AdminUnitCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CountryIso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ConcessionIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    Confidentiality = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EncryptedPhone = table.Column<byte[]>(type: "bytea", nullable: true),
                    EncryptedEmail = table.Column<byte[]>(type: "bytea", nullable: true),
                    EncryptedAddress = table.Column<byte[]>(type: "bytea", nullable: true),
                    EncryptedMessaging = table.Column<byte[]>(type: "bytea", nullable: true),
                    EncryptedNotes = table.Column<byte[]>(type: "bytea", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Stakeholder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Stakeholder_AdminUnits_AdminUnitCode",
                        column: x => x.AdminUnitCode,
                        principalTable: "AdminUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Stakeholder_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Stakeholder_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Stakeholder_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FollowUp",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EngagementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUp", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUp_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FollowUp_Engagement_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagement",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Position",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    TitleKm = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Position", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Position_Stakeholder_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Stakeholder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Position_Stakeholder_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Stakeholder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Relationship",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromId = table.Column<Guid>(type: "uuid", nullable: false),
                    ToId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationship", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Relationship_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Relationship_Stakeholder_FromId",
                        column: x => x.FromId,
                        principalTable: "Stakeholder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Relationship_Stakeholder_ToId",
                        column: x => x.ToId,
                        principalTable: "Stakeholder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderNameKey",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StakeholderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderNameKey", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StakeholderNameKey_Stakeholder_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholder",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Engagement_AuthorId",
                table: "Engagement",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Engagement_Date",
                table: "Engagement",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_Engagement_OwnerOrganisationId",
                table: "Engagement",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_EngagementId",
                table: "FollowUp",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUp_OwnerId_DoneAt",
                table: "FollowUp",
                columns: new[] { "OwnerId", "DoneAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Position_OrganisationId",
                table: "Position",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Position_PersonId",
                table: "Position",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationship_FromId_ToId_Type",
                table: "Relationship",
                columns: new[] { "FromId", "ToId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Relationship_OrganisationId",
                table: "Relationship",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Relationship_ToId",
                table: "Relationship",
                column: "ToId");

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholder_AdminUnitCode",
                table: "Stakeholder",
                column: "AdminUnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholder_Confidentiality_Kind",
                table: "Stakeholder",
                columns: new[] { "Confidentiality", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholder_CountryIso3",
                table: "Stakeholder",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholder_CreatedById",
                table: "Stakeholder",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholder_NameLatin",
                table: "Stakeholder",
                column: "NameLatin");

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholder_OrganisationId_ExternalId",
                table: "Stakeholder",
                columns: new[] { "OrganisationId", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderNameKey_Key_StakeholderId",
                table: "StakeholderNameKey",
                columns: new[] { "Key", "StakeholderId" });

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderNameKey_StakeholderId",
                table: "StakeholderNameKey",
                column: "StakeholderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowUp");

            migrationBuilder.DropTable(
                name: "Position");

            migrationBuilder.DropTable(
                name: "Relationship");

            migrationBuilder.DropTable(
                name: "StakeholderNameKey");

            migrationBuilder.DropTable(
                name: "Engagement");

            migrationBuilder.DropTable(
                name: "Stakeholder");
        }
    }
}
