using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Spean.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Topics = table.Column<string>(type: "TEXT", nullable: false),
                    ParticipantIds = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationIds = table.Column<string>(type: "TEXT", nullable: false),
                    RecommendationIds = table.Column<string>(type: "TEXT", nullable: false),
                    ReportIds = table.Column<string>(type: "TEXT", nullable: false),
                    CampaignIds = table.Column<string>(type: "TEXT", nullable: false),
                    EncryptedAgreed = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderIds = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NameLatin = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameKhmer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    AdminUnitCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ConcessionIds = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Confidentiality = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReaderIds = table.Column<string>(type: "TEXT", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EncryptedPhone = table.Column<byte[]>(type: "BLOB", nullable: true),
                    EncryptedEmail = table.Column<byte[]>(type: "BLOB", nullable: true),
                    EncryptedAddress = table.Column<byte[]>(type: "BLOB", nullable: true),
                    EncryptedMessaging = table.Column<byte[]>(type: "BLOB", nullable: true),
                    EncryptedNotes = table.Column<byte[]>(type: "BLOB", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EngagementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Due = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleKm = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ToId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StakeholderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
